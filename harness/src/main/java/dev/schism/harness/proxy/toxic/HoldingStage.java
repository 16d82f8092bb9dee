package dev.schism.harness.proxy.toxic;

import java.util.concurrent.ScheduledFuture;

/**
 * A stage that holds at most one chunk at a time while a timer runs (latency, bandwidth, slicer). It is busy
 * exactly while it holds a chunk; an interrupt cancels the timer and sends the held chunk on at once, because all
 * three types promise that data already accepted is never delayed past a change of settings.
 */
abstract class HoldingStage extends Stage {
    /** The chunk being delayed, or null when the stage is free to take the next one. */
    protected Chunk held;
    protected ScheduledFuture<?> timer;

    protected HoldingStage(LinkContext link) {
        super(link);
    }

    /** Forgets the held chunk and hands it on; nothing when none is held (a cancelled timer raced the interrupt). */
    protected final void emitHeld() {
        Chunk c = held;
        held = null;
        if (c != null) {
            emit(c);
        }
    }

    @Override
    protected final boolean busy() {
        return held != null;
    }

    @Override
    protected String stateText() {
        return held == null ? "" : " holding " + held.length() + "B";
    }

    @Override
    protected void interrupt() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        emitHeld();
    }
}
