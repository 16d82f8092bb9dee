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

    public static byte[] toBytes(Record record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try {
            record.serialize(BinaryOutputArchive.getArchive(bytes), "r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
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
