package dev.schism.node.storage;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Zxid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Snapshot files {@code snapshot.<zxid hex>} in the data directory. Layout: magic, version, zxid, length,
 * the state machine's bytes, then a CRC32C of everything before it. Written to a temp file, fsynced and
 * renamed, so a file with the final name is always complete; a bad one is skipped in favour of an older one.
 */
public final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private static final int MAGIC = 0x5343534e; // "SCSN"
    private static final int VERSION = 1;
    private static final String PREFIX = "snapshot.";

    private final Path dir;

    public SnapshotStore(Path dir) {
        this.dir = dir;
    }

    public static String fileName(long zxid) {
        return PREFIX + Long.toHexString(zxid);
    }

    public Path write(Snapshot snapshot) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 + 8 + 4 + snapshot.data().length + 4);
        buf.putInt(MAGIC).putInt(VERSION).putLong(snapshot.zxid()).putInt(snapshot.data().length)
                .put(snapshot.data());
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        Path target = dir.resolve(fileName(snapshot.zxid()));
        Fsync.replace(target, buf.array());
        return target;
    }

    /** The newest snapshot that reads back intact, or null if there is none. */
    public Snapshot loadLatest() {
        for (Path file : files()) {
            try {
                return read(file);
            } catch (StorageException e) {
                LOG.warn("{}; trying an older snapshot", e.getMessage());
            }
        }
        return null;
    }

    /** Reads and checks one snapshot file. */
    public static Snapshot read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException(file + ": cannot read: " + e.getMessage(), e);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length < 24 || buf.getInt() != MAGIC) {
            throw new StorageException(file + ": not a snapshot (bad magic or too short: " + bytes.length + " bytes)");
        }
        int version = buf.getInt();
        if (version != VERSION) {
            throw new StorageException(file + ": unknown snapshot version " + version);
        }
        long zxid = buf.getLong();
        int len = buf.getInt();
        if (len < 0 || len != bytes.length - 24) {
            throw new StorageException(file + ": length field " + len + " does not match the file size "
                    + bytes.length + " (truncated?)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new StorageException(file + ": bad CRC at byte offset " + (bytes.length - 4) + " (stored 0x"
                    + Integer.toHexString(stored) + ", computed 0x" + Long.toHexString(crc.getValue()) + ")");
        }
        long named = zxidOf(file);
        if (named != zxid) {
            throw new StorageException(file + ": holds zxid " + Zxid.hex(zxid) + " but is named for " + Zxid.hex(named));
        }
        byte[] data = new byte[len];
        System.arraycopy(bytes, 20, data, 0, len);
        return new Snapshot(zxid, data);
    }

    /** Snapshot files, newest (highest zxid) first; left-over temp files are removed. */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String n = p.getFileName().toString();
                if (!n.startsWith(PREFIX)) {
                    continue;
                }
                if (n.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                } else if (zxidOf(p) >= 0) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new StorageException(dir + ": cannot list: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparingLong(SnapshotStore::zxidOf).reversed());
        return out;
    }

    /** Keeps the newest {@code keep} snapshots; returns the zxid of the oldest one kept (or -1 if none). */
    public long purge(int keep) {
        List<Path> files = files();
        for (int i = keep; i < files.size(); i++) {
            delete(files.get(i));
        }
        Fsync.directory(dir);
        return files.isEmpty() ? -1 : zxidOf(files.get(Math.min(keep, files.size()) - 1));
    }

    /** Removes snapshots newer than {@code zxid} (their state was truncated away). */
    public void deleteAfter(long zxid) {
        for (Path p : files()) {
            if (Long.compareUnsigned(zxidOf(p), zxid) > 0) {
                LOG.warn("{}: removed, it is past the truncation point {}", p, Zxid.hex(zxid));
                delete(p);
            }
        }
        Fsync.directory(dir);
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new StorageException(p + ": cannot delete: " + e.getMessage(), e);
        }
    }

    static long zxidOf(Path file) {
        try {
            return Long.parseUnsignedLong(file.getFileName().toString().substring(PREFIX.length()), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return "SnapshotStore{" + dir + "}";
    }
}
