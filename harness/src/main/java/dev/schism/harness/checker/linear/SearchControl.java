package dev.schism.harness.checker.linear;

/**
 * What every partition search of one check shares: the cancel flag (raised by the first illegal partition
 * or by the caller), the deadline, and the memory budget.
 */
final class SearchControl {
    private volatile boolean cancelled;
    private final long deadlineNanos;
    final MemoryBudget budget;

    /** @param deadlineNanos a {@link System#nanoTime()} value, or {@code Long.MAX_VALUE} for none */
    SearchControl(long deadlineNanos, MemoryBudget budget) {
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean pastDeadline() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    @Override
    public String toString() {
        return "SearchControl{cancelled=" + cancelled + ", " + budget + "}";
    }
}
