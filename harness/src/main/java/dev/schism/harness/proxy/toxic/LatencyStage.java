package dev.schism.harness.proxy.toxic;

/**
 * latency{latency, jitter} in ms: each chunk leaves {@code latency ± jitter} after it arrived, one after another
 * (no reordering). Up to 1024 chunks wait in the queue, so latency does not cap throughput. On interrupt the chunk
 * being delayed goes out at once; the queued ones are delayed again under the new settings.
 */
final class LatencyStage extends HoldingStage {
    private static final int QUEUE_CHUNKS = 1024;
    /** Toxiproxy's 1024 chunks of at most 32 KB; reads here can be larger, so bytes are capped too. */
    private static final long QUEUE_BYTES = 1024L * 32 * 1024;
    private static final long NANOS_PER_MS = 1_000_000L;


    LatencyStage(LinkContext link) {
        super(link);
    }

    @Override
    protected int queueLimit() {
        return QUEUE_CHUNKS;
    }

    @Override
    public boolean accepting() {
        return !finished() && queue.size() < QUEUE_CHUNKS && queuedBytes < QUEUE_BYTES;
    }

    @Override
    protected void process(Chunk chunk) {
        if (chunk.isEof()) {
            emit(chunk);
            return;
        }
        long delay = delayNanos();
        long due = chunk.timestampNanos() + delay;
        chunk.timestampNanos(due);
        long wait = due - System.nanoTime();
        if (wait <= 0) {
            emit(chunk);
            return;
        }
        held = chunk;
        timer = schedule(wait, () -> {
            timer = null;
            emitHeld();
            pump();
        });
    }

    private long delayNanos() {
        long latency = spec.attr("latency");
        long jitter = spec.attr("jitter");
        long ms = latency;
        if (jitter > 0) {
            long span = Math.min(2 * jitter, Integer.MAX_VALUE);
            ms += link.nextInt((int) span) - jitter;
        }
        return ms * NANOS_PER_MS;
    }
}
