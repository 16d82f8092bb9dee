package dev.schism.harness.proxy.toxic;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A toxic running on one link. Input is queued and handed to {@link #process} one chunk at a time, in order,
 * while the stage is not {@link #busy() busy}; a busy stage holds input back, which stops the link from reading its
 * source and pushes back to TCP flow control. Whether the toxic applies is drawn on every (re)start with the
 * toxic's toxicity; when the draw fails the stage forwards everything unchanged.
 *
 * <p>Lifecycle, driven by the link on its event loop: {@link #start}, then any number of {@link #restart} (update
 * or neighbour change), then either {@link #removeAndFlush} (toxic removed: held data goes on) or
 * {@link #dispose} (connection closed: held data is released).
 */
public abstract class Stage implements ChunkSink {
    /** Input the stage holds at most before it asks the link to stop reading. */
    private static final int DEFAULT_QUEUE_LIMIT = 1;

    protected final LinkContext link;
    protected final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    /** Bytes of data in {@link #queue}; subclasses only ever push EOF back, which has none. */
    protected long queuedBytes;
    protected ToxicSpec spec;
    protected boolean active;
    private ChunkSink next;
    private boolean finished;

    protected Stage(LinkContext link) {
        this.link = link;
    }

    public final ToxicSpec spec() {
        return spec;
    }

    public final void next(ChunkSink next) {
        this.next = next;
    }

    public final ChunkSink next() {
        return next;
    }

    /** Starts (or restarts after an interrupt) with the given spec, drawing toxicity again. */
    public final void start(ToxicSpec newSpec) {
        this.spec = newSpec;
        this.active = link.nextRandom() < newSpec.toxicity();
        if (!finished) {
            onStart();
            pump();
        }
    }

    /** Interrupts the current work (held data moves on as the type says) and starts again with the spec. */
    public final void restart(ToxicSpec newSpec) {
        if (!finished) {
            interrupt();
        }
        start(newSpec);
    }

    /** The toxic was removed: interrupt, pass every queued chunk on unchanged, then run the type's cleanup. */
    public final void removeAndFlush() {
        if (!finished) {
            interrupt();
            Chunk c;
            while ((c = queue.poll()) != null) {
                queuedBytes -= c.length();
                next.accept(c);
            }
            finished = true;
        }
        onRemoved();
        releaseQueue();
    }

    /** The connection is gone: cancel timers and release everything held. */
    public final void dispose() {
        finished = true;
        next = DISCARD;
        interrupt();
        releaseQueue();
    }

    /** Where a disposed stage's held chunk goes: nowhere. */
    private static final ChunkSink DISCARD = new ChunkSink() {
        @Override
        public void accept(Chunk chunk) {
            chunk.release();
        }

        @Override
        public boolean accepting() {
            return true;
        }

        @Override
        public String toString() {
            return "Discard";
        }
    };

    @Override
    public final void accept(Chunk chunk) {
        if (finished) {
            chunk.release();
            return;
        }
        queue.add(chunk);
        queuedBytes += chunk.length();
        pump();
    }

    @Override
    public boolean accepting() {
        return !finished && !busy() && queue.size() < queueLimit();
    }

    /** Hands queued chunks to {@link #process} (or straight on when the toxicity draw failed) while not busy. */
    protected final void pump() {
        while (!finished && !busy() && !queue.isEmpty()) {
            Chunk c = queue.poll();
            queuedBytes -= c.length();
            if (active) {
                process(c);
            } else {
                emit(c);
            }
        }
    }

    /** Passes a chunk on to the next sink. */
    protected final void emit(Chunk c) {
        if (c.isEof()) {
            finished = true;
        }
        next.accept(c);
    }

    /** Ends this direction: EOF goes on, the stage drops all later input. The writer then closes the socket. */
    protected final void finishWithEof() {
        if (!finished) {
            finished = true;
            next.accept(Chunk.EOF);
            releaseQueue();
        }
    }

    protected final boolean finished() {
        return finished;
    }

    /** Runs {@code task} on the link's event loop after {@code nanos}, then lets the link make progress. */
    protected final ScheduledFuture<?> schedule(long nanos, Runnable task) {
        return link.executor().schedule(() -> {
            try {
                task.run();
            } finally {
                link.afterAsyncProgress();
            }
        }, Math.max(0L, nanos), TimeUnit.NANOSECONDS);
    }

    private void releaseQueue() {
        Chunk c;
        while ((c = queue.poll()) != null) {
            c.release();
        }
        queuedBytes = 0;
    }

    /** How many queued chunks the stage takes before it asks the link to stop reading. */
    protected int queueLimit() {
        return DEFAULT_QUEUE_LIMIT;
    }

    /** Called on every start while the stage is live; default nothing. */
    protected void onStart() {
    }

    /** Handles one chunk (data or EOF) while the toxic applies. */
    protected abstract void process(Chunk chunk);

    /** True while the stage holds a chunk or waits on a timer and must not take the next one. */
    protected abstract boolean busy();

    /** Stops current work: cancel timers; a held chunk is forwarded or put back at the queue head as the type says. */
    protected abstract void interrupt();

    /** The type's own state for {@link #toString}, starting with a space; empty when it has none worth showing. */
    protected String stateText() {
        return "";
    }

    /** Cleanup after removal; only timeout does anything (it closes the connection). */
    protected void onRemoved() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + (spec == null ? "unstarted" : spec.name()) + (active ? " active" : " skipped")
                + " queued=" + queue.size() + (finished ? " finished" : "") + stateText() + "}";
    }
}
