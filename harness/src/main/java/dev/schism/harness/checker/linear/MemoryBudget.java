package dev.schism.harness.checker.linear;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes the memo caches of one check may hold, shared by all partitions. Searches take it in blocks so the
 * shared counter is touched rarely; when a block cannot be had the search stops with
 * {@link SearchOutcome#OVER_BUDGET} instead of letting the JVM run out of heap.
 */
public final class MemoryBudget {
    static final long BLOCK = 1 << 20;

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

    /** Takes one block; false when the budget is spent. */
    boolean takeBlock() {
        while (true) {
            long u = used.get();
            if (u + BLOCK > limit) {
                return false;
            }
            if (used.compareAndSet(u, u + BLOCK)) {
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
