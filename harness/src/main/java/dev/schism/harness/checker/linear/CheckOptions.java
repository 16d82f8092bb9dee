package dev.schism.harness.checker.linear;

import java.time.Duration;

/**
 * How long and how large a check may get. {@code timeLimit} zero means none; {@code memoryBudgetBytes}
 * zero means half the maximum heap. With {@code cancelOnIllegal} (the default) the first illegal partition
 * stops the others; without it every partition runs to its own end (for explanations of every partition).
 * {@code shared}, when set, is one budget that every check made with these options draws from (checks run
 * side by side then cannot take more than it together); null gives each check a budget of its own.
 */
public record CheckOptions(Duration timeLimit, long memoryBudgetBytes, boolean cancelOnIllegal, MemoryBudget shared) {
    public static final CheckOptions DEFAULT = new CheckOptions(Duration.ZERO, 0, true, null);

    public CheckOptions {
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must not be negative, got " + timeLimit);
        }
        if (memoryBudgetBytes < 0) {
            throw new IllegalArgumentException("memory budget must not be negative, got " + memoryBudgetBytes);
        }
    }

    public CheckOptions withTimeLimit(Duration d) {
        return new CheckOptions(d, memoryBudgetBytes, cancelOnIllegal, null);
    }

    public CheckOptions withMemoryBudget(long bytes) {
        return new CheckOptions(timeLimit, bytes, cancelOnIllegal, null);
    }

    public CheckOptions withCancelOnIllegal(boolean cancel) {
        return new CheckOptions(timeLimit, memoryBudgetBytes, cancel, null);
    }

    /** These options with one budget for every check made with them (for checks that run at the same time). */
    public CheckOptions withSharedBudget() {
        return new CheckOptions(timeLimit, memoryBudgetBytes, cancelOnIllegal, budget());
    }

    MemoryBudget budget() {
        if (shared != null) {
            return shared;
        }
        return memoryBudgetBytes == 0 ? MemoryBudget.fractionOfHeap(0.5) : new MemoryBudget(memoryBudgetBytes);
    }

    @Override
    public String toString() {
        return "CheckOptions{time=" + (timeLimit.isZero() ? "unlimited" : timeLimit) + ", memory="
                + (memoryBudgetBytes == 0 ? "heap/2" : (memoryBudgetBytes >> 20) + " MiB") + ", cancelOnIllegal="
                + cancelOnIllegal + (shared != null ? ", shared" : "") + "}";
    }
}
