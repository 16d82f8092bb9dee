package dev.schism.harness.checker.linear;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes the memo caches of one check may hold, shared by all partitions. A search adds its growth to the
 * shared counter in steps of {@link #STEP} bytes, so the counter is touched rarely and a check with
 * thousands of small partitions reserves nothing for them (the count can lag the truth by at most one step
 * per partition); when a step would pass the limit the search stops with
 * {@link SearchOutcome#OVER_BUDGET} instead of letting the JVM run out of heap.
 */
public final class MemoryBudget {
    /** A search reports its growth to the shared counter in steps of this many bytes. */
    static final long STEP = 64 << 10;

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public MemoryBudget(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("memory budget must be positive, got " + limitBytes);
        }
        this.limit = limitBytes;
    }

    /** A budget of the given fraction of the JVM's maximum heap. */
    public static MemoryBudget fractionOfHeap(double fraction) {
        return new MemoryBudget((long) (Runtime.getRuntime().maxMemory() * fraction));
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used.get();
    }

    /** Takes {@code bytes}; false when that would exceed the budget. */
    boolean take(long bytes) {
        while (true) {
            long u = used.get();
            if (u + bytes > limit) {
                return false;
            }
            if (used.compareAndSet(u, u + bytes)) {
                return true;
            }
        }
    }

    /** Gives back what a finished search took, so partitions still running can use it. */
    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    @Override
    public String toString() {
        return "MemoryBudget{" + (used.get() >> 20) + "/" + (limit >> 20) + " MiB}";
    }
}
