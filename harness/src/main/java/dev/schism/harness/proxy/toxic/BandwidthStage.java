package dev.schism.harness.proxy.toxic;

/**
 * bandwidth{rate} in KB/s (1 KB = 1000 B): each chunk adds {@code len / rate} ms to a running send schedule; a
 * chunk larger than {@code rate * 100} bytes goes out in 100 ms slices. Rate 0 or less stalls: the chunk is held,
 * the link stops reading, and the bytes go out only when the toxic is removed or changed.
 */
final class BandwidthStage extends HoldingStage {
    private static final long SLICE_NANOS = 100_000_000L;

    private long scheduleNanos;

    BandwidthStage(LinkContext link) {
        super(link);
    }

    @Override
    protected void onStart() {
        scheduleNanos = 0L;
    }

    @Override
    protected void process(Chunk chunk) {
        if (chunk.isEof()) {
            emit(chunk);
            return;
        }
        held = chunk;
        if (spec.attr("rate") > 0) {
            sendNextSlice();
        }
    }

    private void sendNextSlice() {
        long rate = spec.attr("rate");
        int len = held.length();
        long maxSlice = rate * 100;
        long now = System.nanoTime();
        long cost;
        int slice;
        if (len > maxSlice) {
            slice = (int) maxSlice;
            cost = SLICE_NANOS;
        } else {
            slice = len;
            cost = len * 1_000_000L / rate;
        }
        scheduleNanos = Math.max(scheduleNanos, now) + cost;
        timer = schedule(scheduleNanos - now, () -> {
            timer = null;
            Chunk c = held;
            if (c == null) {
                return;
            }
            if (slice < c.length()) {
                emit(Chunk.of(c.data().readRetainedSlice(slice), c.timestampNanos()));
                sendNextSlice();
            } else {
                held = null;
                emit(c);
                pump();
            }
        });
    }
}
