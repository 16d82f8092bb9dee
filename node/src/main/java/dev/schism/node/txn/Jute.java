package dev.schism.node.txn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;

/** Small helpers to turn jute records into bytes and back. */
public final class Jute {
    private Jute() {
    }

    /**
     * Each thread's reusable buffer and archive: a jute archive allocates a 1 KB scratch buffer when made,
     * which was a noticeable share of a simulated run's time when made per record.
     */
    private static final class Scratch {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        final BinaryOutputArchive archive = BinaryOutputArchive.getArchive(bytes);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    public static byte[] toBytes(Record record) {
        return toBytes(record, null);
    }

    /** The two records one after the other (the second may be null), as a request frame carries them. */
    public static byte[] toBytes(Record first, Record second) {
        Scratch s = SCRATCH.get();
        s.bytes.reset();
        try {
            first.serialize(s.archive, "r");
            if (second != null) {
                second.serialize(s.archive, "r");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s.bytes.toByteArray();
    }

    public static BinaryInputArchive archive(byte[] bytes) {
        return new BinaryInputArchive(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    /** Reads a record of the given class from bytes; malformed input is an IOException. */
    public static <T extends Record> T read(byte[] bytes, T record) throws IOException {
        try {
            record.deserialize(archive(bytes), "r");
        } catch (RuntimeException e) {
            throw new IOException("malformed " + record.getClass().getSimpleName() + ": " + e, e);
        }
        return record;
    }
}
