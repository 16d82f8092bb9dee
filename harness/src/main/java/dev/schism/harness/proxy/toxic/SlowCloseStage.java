package dev.schism.harness.proxy.toxic;

import java.util.concurrent.ScheduledFuture;

/**
 * slow_close{delay} in ms: data passes unchanged; EOF is held for {@code delay} before it goes on. An interrupt
 * abandons the wait and the restarted toxic sees the EOF again.
 */
final class SlowCloseStage extends Stage {
    private boolean holdingEof;
    private ScheduledFuture<?> timer;

    SlowCloseStage(LinkContext link) {
        super(link);
    }

    @Override
    protected void process(Chunk chunk) {
        if (!chunk.isEof()) {
            emit(chunk);
            return;
        }
        holdingEof = true;
        timer = schedule(spec.attr("delay") * 1_000_000L, () -> {
            timer = null;
            holdingEof = false;
            emit(Chunk.EOF);
        });
    }

    @Override
    protected boolean busy() {
        return holdingEof;
    }

    @Override
    protected void interrupt() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (holdingEof) {
            holdingEof = false;
            queue.addFirst(Chunk.EOF);
        }
    }
}
