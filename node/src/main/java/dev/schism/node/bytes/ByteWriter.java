package dev.schism.node.bytes;

import java.util.Arrays;

/**
 * A growable, unsynchronized big-endian buffer with {@code DataOutputStream}'s layout for bytes, booleans,
 * ints and longs. Sized by the caller's estimate; {@link #toByteArray} hands the buffer itself over when
 * the estimate was exact, so a message whose size is known costs one allocation. Single-threaded.
 */
public final class ByteWriter {
    private byte[] buf;
    private int pos;

    public ByteWriter(int expectedSize) {
        buf = new byte[Math.max(16, expectedSize)];
    }

    private void room(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public ByteWriter writeByte(int v) {
        room(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public ByteWriter writeBoolean(boolean v) {
        return writeByte(v ? 1 : 0);
    }

    public ByteWriter writeInt(int v) {
        room(4);
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
        return this;
    }

    public ByteWriter writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    public ByteWriter write(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    public int size() {
        return pos;
    }

    /** The bytes written; the buffer itself (no copy) when it is exactly full, so do not write after. */
    public byte[] toByteArray() {
        return pos == buf.length ? buf : Arrays.copyOf(buf, pos);
    }

    @Override
    public String toString() {
        return "ByteWriter{" + pos + " of " + buf.length + " bytes}";
    }
}
