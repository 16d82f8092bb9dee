package dev.schism.harness.proxy.toxic;

import java.util.ArrayDeque;

/**
 * slicer{average_size, size_variation, delay}: each chunk is cut near its midpoint, moved at random by up to
 * ±size_variation, again and again until every piece is at most average_size + size_variation bytes; the pieces go
 * out in order with {@code delay} µs between them. On interrupt the rest goes out as one chunk. An average size of
 * 0 or less (where Toxiproxy would loop forever) passes data through unchanged.
 */
final class SlicerStage extends HoldingStage {
    private final ArrayDeque<Integer> pieces = new ArrayDeque<>();
    /** Pieces still to be cut; kept between chunks (empty after each split) so a split allocates no deque. */
    private final ArrayDeque<Integer> uncut = new ArrayDeque<>();
    private long nextDueNanos;

    SlicerStage(LinkContext link) {
        super(link);
    }

    @Override
    protected void process(Chunk chunk) {
        long average = spec.attr("average_size");
        if (chunk.isEof() || average <= 0) {
            emit(chunk);
            return;
        }
        long variation = Math.max(0L, spec.attr("size_variation"));
        pieces.clear();
        split(chunk.length(), average, variation);
        held = chunk;
        nextDueNanos = System.nanoTime();
        sendPiece();
    }

    private void split(int total, long average, long variation) {
        uncut.push(total);
        while (!uncut.isEmpty()) {
            int size = uncut.pop();
            if (size - average <= variation || size <= 1) {
                pieces.add(size);
                continue;
            }
            long shift = variation > 0 ? link.nextInt((int) Math.min(2 * variation, Integer.MAX_VALUE)) - variation : 0;
            int left = (int) Math.max(1, Math.min(size - 1, size / 2 + shift));
            uncut.push(size - left);
            uncut.push(left);
        }
    }

    private void sendPiece() {
        long delayNanos = Math.max(0L, spec.attr("delay")) * 1000L;
        while (held != null) {
            int size = pieces.isEmpty() ? held.length() : pieces.poll();
            if (size >= held.length()) {
                Chunk c = held;
                held = null;
                pieces.clear();
                emit(c);
                pump();
                return;
            }
            emit(Chunk.of(held.data().readRetainedSlice(size), held.timestampNanos()));
            if (delayNanos > 0) {
                // Timers fire with about 1 ms resolution, so pieces already due go out in this same turn, each as
                // its own write; the total time still comes to about pieces x delay.
                nextDueNanos += delayNanos;
                long wait = nextDueNanos - System.nanoTime();
                if (wait > 0) {
                    timer = schedule(wait, () -> {
                        timer = null;
                        sendPiece();
                    });
                    return;
                }
            }
        }
    }

    @Override
    protected void interrupt() {
        pieces.clear();
        super.interrupt();
    }
}
