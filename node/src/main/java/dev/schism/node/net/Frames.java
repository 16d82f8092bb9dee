package dev.schism.node.net;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The frame layout on election and quorum connections: {@code int magic | int length | int crc32c(payload) |
 * payload}. The first frame on every connection is a {@link Handshake}; the rest carry
 * {@code MessageCodec} bytes.
 */
public final class Frames {
    public static final int MAGIC = 0x5343484d; // "SCHM"
    /** Shell-to-shell frames on the quorum stream: session ids a learner saw active, for its leader. */
    public static final int TOUCH_MAGIC = 0x53434854; // "SCHT"
    public static final int HEADER = 12;
    /** Large enough for a SNAP of a sizeable tree; anything longer is taken for garbage. */
    public static final int MAX_PAYLOAD = 64 << 20;

    private Frames() {
    }

    /** Header and payload in one array, ready to write. */
    public static byte[] frame(byte[] payload) {
        return frame(MAGIC, payload);
    }

    static byte[] frame(int magic, byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putInt(magic).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        return b.array();
    }

    /** A touch frame: the count, then the session ids. */
    static byte[] touchFrame(long[] sessionIds) {
        ByteBuffer b = ByteBuffer.allocate(4 + 8 * sessionIds.length).putInt(sessionIds.length);
        for (long id : sessionIds) {
            b.putLong(id);
        }
        return frame(TOUCH_MAGIC, b.array());
    }

    /** Decoded payload of a touch frame. */
    record Touches(long[] sessionIds) {
        static Touches decode(byte[] payload) {
            ByteBuffer b = ByteBuffer.wrap(payload);
            int n = payload.length >= 4 ? b.getInt() : -1;
            if (n < 0 || payload.length != 4 + 8L * n) {
                throw new IllegalArgumentException("malformed touch frame (" + payload.length + " bytes)");
            }
            long[] ids = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = b.getLong();
            }
            return new Touches(ids);
        }

        @Override
        public String toString() {
            return "Touches{" + sessionIds.length + " sessions}";
        }
    }

    static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }
}
