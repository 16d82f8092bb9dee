package dev.schism.node.storage;

import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The transaction log: segment files {@code log.<first zxid, 16 hex digits>}, each a sequence of records
 * {@code int length | int crc32c | long zxid | payload}, the CRC covering zxid and payload. Zxids strictly
 * increase across the whole log.
 *
 * <p>Appends come from the core thread and only reach the page cache; {@link #force()} (called by the
 * group-commit thread) makes everything appended before it durable. Opening the log validates every
 * record: a torn tail of the last segment (a partial record, or zero fill left by a crash) is cut off with a
 * warning; anything else that does not check out refuses the start with the file and byte offset.
 */
public final class TxnLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TxnLog.class);
    static final int HEADER = 16;
    static final int MAX_PAYLOAD = 64 << 20;
    private static final String PREFIX = "log.";

    private record Segment(long firstZxid, Path path) {
    }

    private final Path dir;
    private final long segmentBytes;
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel current;
    private long currentSize;
    private long lastZxid;
    private List<Txn> recovered = new ArrayList<>();

    /**
     * Opens (creating if needed) the log in {@code dir}, validating it; the records after {@code afterZxid}
     * are available once from {@link #takeRecovered()}.
     */
    public TxnLog(Path dir, long afterZxid, long segmentBytes) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException(dir + ": cannot create: " + e.getMessage(), e);
        }
        List<Segment> found = listSegments();
        long prev = -1;
        for (int i = 0; i < found.size(); i++) {
            Segment seg = found.get(i);
            prev = recover(seg, i == found.size() - 1, prev, afterZxid);
        }
        lastZxid = Math.max(prev, 0);
        if (!segments.isEmpty()) {
            openForAppend(segments.get(segments.size() - 1).path());
        }
    }

    /** The logged txns after the {@code afterZxid} given at open (handed out once). */
    public List<Txn> takeRecovered() {
        List<Txn> r = recovered;
        recovered = List.of();
        return r;
    }

    /** The zxid of the last appended record (0 for an empty log). */
    public synchronized long lastZxid() {
        return lastZxid;
    }

    /** Writes the records to the current segment (not yet durable; see {@link #force()}). */
    public synchronized void append(List<Txn> txns) {
        if (txns.isEmpty()) {
            return;
        }
        int bytes = 0;
        long prev = lastZxid;
        for (Txn t : txns) {
            if (t.zxid() <= prev) {
                throw new IllegalStateException("log append out of order: " + Zxid.hex(t.zxid()) + " after "
                        + Zxid.hex(prev));
            }
            if (t.payload().length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("txn " + Zxid.hex(t.zxid()) + " too large: " + t.payload().length);
            }
            prev = t.zxid();
            bytes += HEADER + t.payload().length;
        }
        if (current == null || currentSize >= segmentBytes) {
            roll(txns.get(0).zxid());
        }
        ByteBuffer buf = ByteBuffer.allocate(bytes);
        CRC32C crc = new CRC32C();
        for (Txn t : txns) {
            int start = buf.position();
            buf.putInt(t.payload().length).putInt(0).putLong(t.zxid()).put(t.payload());
            crc.reset();
            crc.update(buf.array(), start + 8, 8 + t.payload().length);
            buf.putInt(start + 4, (int) crc.getValue());
        }
        buf.flip();
        try {
            while (buf.hasRemaining()) {
                current.write(buf);
            }
        } catch (IOException e) {
            throw new StorageException(segments.get(segments.size() - 1).path() + ": append failed: "
                    + e.getMessage(), e);
        }
        currentSize += bytes;
        lastZxid = prev;
    }

    /** Makes every record appended before this call durable. Safe to call from another thread. */
    public void force() {
        while (true) {
            FileChannel ch;
            synchronized (this) {
                ch = current;
            }
            if (ch == null) {
                return;
            }
            try {
                ch.force(false);
                return;
            } catch (ClosedChannelException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new StorageException("log force interrupted", e);
                }
                // Rolled or truncated concurrently: the old segment was forced before closing; force the new one.
            } catch (IOException e) {
                throw new StorageException(dir + ": fsync failed: " + e.getMessage(), e);
            }
        }
    }

    /** Cuts the log after {@code zxid} (ZAB's TRUNC) and makes the cut durable. */
    public synchronized void truncateAfter(long zxid) {
        closeCurrent();
        while (!segments.isEmpty() && segments.get(segments.size() - 1).firstZxid() > zxid) {
            Segment s = segments.remove(segments.size() - 1);
            deleteFile(s.path());
            LOG.info("{}: deleted by truncation to {}", s.path(), Zxid.hex(zxid));
        }
        long last = 0;
        if (!segments.isEmpty()) {
            Segment s = segments.get(segments.size() - 1);
            byte[] bytes = readAll(s.path());
            long cut = 0;
            int pos = 0;
            while (pos + HEADER <= bytes.length) {
                ByteBuffer b = ByteBuffer.wrap(bytes, pos, HEADER);
                int len = b.getInt();
                b.getInt();
                long z = b.getLong();
                if (z > zxid) {
                    break;
                }
                pos += HEADER + len;
                cut = pos;
                last = z;
            }
            if (cut == 0) {
                segments.remove(segments.size() - 1);
                deleteFile(s.path());
                last = segments.isEmpty() ? 0 : lastZxidOf(segments.get(segments.size() - 1));
            } else {
                truncateFile(s.path(), cut);
            }
        }
        Fsync.directory(dir);
        lastZxid = last;
        if (!segments.isEmpty()) {
            openForAppend(segments.get(segments.size() - 1).path());
        }
    }

    /** Drops the whole log (a snapshot at {@code baseZxid} replaces it); the next append must be after it. */
    public synchronized void reset(long baseZxid) {
        closeCurrent();
        for (Segment s : segments) {
            deleteFile(s.path());
        }
        segments.clear();
        Fsync.directory(dir);
        lastZxid = baseZxid;
    }

    /** Deletes segments all of whose records are at or before {@code zxid}; never the current one. */
    public synchronized void purgeUpTo(long zxid) {
        while (segments.size() > 1 && segments.get(1).firstZxid() <= zxid + 1) {
            Segment s = segments.remove(0);
            deleteFile(s.path());
            LOG.info("{}: purged (a snapshot at {} covers it)", s.path(), Zxid.hex(zxid));
        }
        Fsync.directory(dir);
    }

    public synchronized int segmentCount() {
        return segments.size();
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            try {
                current.force(false);
            } catch (IOException e) {
                LOG.warn("{}: fsync on close failed: {}", dir, e.getMessage());
            }
        }
        closeCurrent();
    }

    private long recover(Segment seg, boolean last, long prev, long afterZxid) {
        byte[] bytes = readAll(seg.path());
        int pos = 0;
        CRC32C crc = new CRC32C();
        while (pos < bytes.length) {
            int rem = bytes.length - pos;
            if (rem < HEADER) {
                if (last) {
                    return torn(seg, bytes, pos, prev, "partial record header");
                }
                throw corrupt(seg, pos, "partial record header at the end of a segment that is not the last");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes, pos, HEADER);
            int len = b.getInt();
            int stored = b.getInt();
            long zxid = b.getLong();
            if (len < 0 || len > MAX_PAYLOAD) {
                if (last && zeros(bytes, pos)) {
                    return torn(seg, bytes, pos, prev, "zero fill");
                }
                throw corrupt(seg, pos, "impossible record length " + len);
            }
            if (rem < HEADER + len) {
                if (last) {
                    return torn(seg, bytes, pos, prev, "partial record (" + rem + " of " + (HEADER + len) + " bytes)");
                }
                throw corrupt(seg, pos, "record runs past the end of a segment that is not the last");
            }
            crc.reset();
            crc.update(bytes, pos + 8, 8 + len);
            if (stored != (int) crc.getValue()) {
                if (last && zeros(bytes, pos)) {
                    return torn(seg, bytes, pos, prev, "zero fill");
                }
                throw corrupt(seg, pos, "bad CRC (stored 0x" + Integer.toHexString(stored) + ", computed 0x"
                        + Long.toHexString(crc.getValue()) + ")");
            }
            if (pos == 0 && zxid != seg.firstZxid()) {
                throw corrupt(seg, pos, "first record has zxid " + Zxid.hex(zxid) + " but the file is named for "
                        + Zxid.hex(seg.firstZxid()));
            }
            if (zxid <= prev) {
                throw corrupt(seg, pos, "zxid " + Zxid.hex(zxid) + " does not follow " + Zxid.hex(prev));
            }
            if (zxid > afterZxid) {
                byte[] payload = new byte[len];
                System.arraycopy(bytes, pos + HEADER, payload, 0, len);
                recovered.add(new Txn(zxid, payload));
            }
            prev = zxid;
            pos += HEADER + len;
        }
        if (bytes.length == 0) {
            LOG.warn("{}: empty segment removed", seg.path());
            deleteFile(seg.path());
            return prev;
        }
        segments.add(seg);
        return prev;
    }

    private long torn(Segment seg, byte[] bytes, int pos, long prev, String what) {
        LOG.warn("{}: torn tail at byte offset {} ({}, {} bytes) truncated; the records before it are kept",
                seg.path(), pos, what, bytes.length - pos);
        if (pos == 0) {
            deleteFile(seg.path());
            Fsync.directory(dir);
        } else {
            truncateFile(seg.path(), pos);
            segments.add(seg);
        }
        return prev;
    }

    private static boolean zeros(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static StorageException corrupt(Segment seg, int offset, String reason) {
        return new StorageException(seg.path() + ": corrupt txn log at byte offset " + offset + ": " + reason
                + "; refusing to start (move the file away only if you accept losing its transactions)");
    }

    private long lastZxidOf(Segment s) {
        byte[] bytes = readAll(s.path());
        long last = 0;
        int pos = 0;
        while (pos + HEADER <= bytes.length) {
            ByteBuffer b = ByteBuffer.wrap(bytes, pos, HEADER);
            int len = b.getInt();
            b.getInt();
            last = b.getLong();
            pos += HEADER + len;
        }
        return last;
    }

    private void roll(long firstZxid) {
        closeCurrentForced();
        Path p = dir.resolve(String.format("%s%016x", PREFIX, firstZxid));
        try {
            current = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException(p + ": cannot create: " + e.getMessage(), e);
        }
        currentSize = 0;
        segments.add(new Segment(firstZxid, p));
        Fsync.directory(dir);
    }

    private void openForAppend(Path p) {
        try {
            current = FileChannel.open(p, StandardOpenOption.WRITE);
            currentSize = current.size();
            current.position(currentSize);
        } catch (IOException e) {
            throw new StorageException(p + ": cannot open for append: " + e.getMessage(), e);
        }
    }

    private void closeCurrentForced() {
        if (current != null) {
            try {
                current.force(false);
            } catch (IOException e) {
                throw new StorageException(dir + ": fsync failed: " + e.getMessage(), e);
            }
        }
        closeCurrent();
    }

    private void closeCurrent() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.warn("{}: close failed: {}", dir, e.getMessage());
            }
            current = null;
        }
    }

    private List<Segment> listSegments() {
        List<Segment> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(PREFIX)) {
                    try {
                        out.add(new Segment(Long.parseUnsignedLong(n.substring(PREFIX.length()), 16), p));
                    } catch (NumberFormatException e) {
                        LOG.warn("{}: not a log segment name; ignored", p);
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageException(dir + ": cannot list: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(Segment::firstZxid));
        return out;
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new StorageException(p + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void truncateFile(Path p, long size) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(size);
            ch.force(true);
        } catch (IOException e) {
            throw new StorageException(p + ": cannot truncate: " + e.getMessage(), e);
        }
    }

    private static void deleteFile(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new StorageException(p + ": cannot delete: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String toString() {
        return "TxnLog{" + dir + " segments=" + segments.size() + " last=" + Zxid.hex(lastZxid) + "}";
    }
}
