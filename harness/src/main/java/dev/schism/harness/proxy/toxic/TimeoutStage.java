package dev.schism.harness.proxy.toxic;

import java.util.concurrent.ScheduledFuture;

/**
 * timeout{timeout} in ms: every chunk is dropped. With timeout &gt; 0 the connection closes after that long with no
 * input in this direction (the timer restarts on each chunk and each restart); with 0 it stays open, a blackhole.
 * Removing the toxic closes the connection, even where the toxicity draw skipped it, because bytes were lost.
 */
final class TimeoutStage extends Stage {
    private ScheduledFuture<?> timer;

    TimeoutStage(LinkContext link) {
        super(link);
    }

    @Override
    protected void onStart() {
        armTimer();
    }

    private void armTimer() {
        cancelTimer();
        long ms = spec.attr("timeout");
        if (active && ms > 0) {
            timer = schedule(ms * 1_000_000L, () -> {
                timer = null;
                finishWithEof();
            });
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    protected void process(Chunk chunk) {
        if (chunk.isEof()) {
            cancelTimer();
            emit(chunk);
            return;
        }
        chunk.release();
        armTimer();
    }

    @Override
    protected boolean busy() {
        return false;
    }

    @Override
    protected void interrupt() {
        cancelTimer();
    }

    @Override
    protected void onRemoved() {
        cancelTimer();
        link.closeConnection();
    }
}
