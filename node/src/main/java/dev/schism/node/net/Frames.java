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
    public static final int HEADER = 12;
    /** Large enough for a SNAP of a sizeable tree; anything longer is taken for garbage. */
    public static final int MAX_PAYLOAD = 64 << 20;

    private Frames() {
    }

    /** Header and payload in one array, ready to write. */
    public static byte[] frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putInt(MAGIC).putInt(payload.length).putInt((int) crc.getValue()).put(payload);
        return b.array();
    }

    static int crc(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }
}
