package dev.schism.node.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's clocks: a monotonic one for timeouts ({@code System.nanoTime()} plus an offset) and a wall
 * clock ({@code System.currentTimeMillis()} plus the same offset). The offset can be shifted at run time,
 * which is how clock faults are injected without root or libfaketime.
 */
public final class NodeClock {
    private final AtomicLong offsetMs = new AtomicLong();

    public long nanos() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(offsetMs.get());
    }

    public long wallMillis() {
        return System.currentTimeMillis() + offsetMs.get();
    }

    /** Shifts both clocks by {@code deltaMs}; returns the new total offset. */
    public long adjust(long deltaMs) {
        return offsetMs.addAndGet(deltaMs);
    }

    public long offsetMs() {
        return offsetMs.get();
    }

    @Override
    public String toString() {
        return "NodeClock{offset=" + offsetMs.get() + "ms}";
    }
}
