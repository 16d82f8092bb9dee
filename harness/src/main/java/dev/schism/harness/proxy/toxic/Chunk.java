package dev.schism.harness.proxy.toxic;

import io.netty.buffer.ByteBuf;

/**
 * One unit that travels through a link: a buffer read from the source socket stamped with its arrival time, or
 * the end-of-stream marker. A stage that drops a chunk must {@link #release()} it.
 */
public final class Chunk {
    /** End of the input stream (EOF or read error on the source socket). */
    public static final Chunk EOF = new Chunk(null, 0L);

    private final ByteBuf data;
    private long timestampNanos;

    private Chunk(ByteBuf data, long timestampNanos) {
        this.data = data;
        this.timestampNanos = timestampNanos;
    }

    /** A data chunk that arrived at {@code arrivalNanos} (System.nanoTime). */
    public static Chunk of(ByteBuf data, long arrivalNanos) {
        if (data == null) {
            throw new IllegalArgumentException("data chunk needs a buffer");
        }
        return new Chunk(data, arrivalNanos);
    }

    public boolean isEof() {
        return data == null;
    }

    public ByteBuf data() {
        return data;
    }

    public int length() {
        return data == null ? 0 : data.readableBytes();
    }

    /** Arrival time; latency toxics move it forward so that chained latencies add up. */
    public long timestampNanos() {
        return timestampNanos;
    }

    public void timestampNanos(long nanos) {
        this.timestampNanos = nanos;
    }

    /** Releases the buffer of a data chunk; a no-op for EOF. */
    public void release() {
        if (data != null && data.refCnt() > 0) {
            data.release();
        }
    }

    @Override
    public String toString() {
        return isEof() ? "Chunk{EOF}" : "Chunk{" + length() + " bytes}";
    }
}
