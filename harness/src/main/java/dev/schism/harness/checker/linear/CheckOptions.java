package dev.schism.harness.checker.linear;

import java.time.Duration;

/**
 * How long and how large a check may get. {@code timeLimit} zero means none; {@code memoryBudgetBytes}
 * zero means half the maximum heap. With {@code cancelOnIllegal} (the default) the first illegal partition
 * stops the others; without it every partition runs to its own end (for explanations of every partition).
 */
public record CheckOptions(Duration timeLimit, long memoryBudgetBytes, boolean cancelOnIllegal) {
    public static final CheckOptions DEFAULT = new CheckOptions(Duration.ZERO, 0, true);

    public CheckOptions {
        if (timeLimit.isNegative()) {
            throw new IllegalArgumentException("time limit must not be negative, got " + timeLimit);
        }
        if (memoryBudgetBytes < 0) {
            throw new IllegalArgumentException("memory budget must not be negative, got " + memoryBudgetBytes);
        }
    }

    public CheckOptions withTimeLimit(Duration d) {
        return new CheckOptions(d, memoryBudgetBytes, cancelOnIllegal);
    }

    public CheckOptions withMemoryBudget(long bytes) {
        return new CheckOptions(timeLimit, bytes, cancelOnIllegal);
    }

    public CheckOptions withCancelOnIllegal(boolean cancel) {
        return new CheckOptions(timeLimit, memoryBudgetBytes, cancel);
    }

    MemoryBudget budget() {
        return memoryBudgetBytes == 0 ? MemoryBudget.fractionOfHeap(0.5) : new MemoryBudget(memoryBudgetBytes);
    }

    @Override
    public String toString() {
        return "CheckOptions{time=" + (timeLimit.isZero() ? "unlimited" : timeLimit) + ", memory="
                + (memoryBudgetBytes == 0 ? "heap/2" : (memoryBudgetBytes >> 20) + " MiB") + ", cancelOnIllegal="
                + cancelOnIllegal + "}";
    }
}
