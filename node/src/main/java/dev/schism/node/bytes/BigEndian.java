package dev.schism.node.bytes;

/**
 * Reads big-endian ints and longs straight from an array, without wrapping it in a {@code ByteBuffer} or a
 * stream per message. Callers check the bounds first (their errors name the field).
 */
public final class BigEndian {
    private BigEndian() {
    }

    public static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    public static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xffffffffL);
    }
}
