package dev.schism.harness.checker.linear;

import java.util.List;

/**
 * The end of one partition's search. {@code longest} is the longest linearizable prefix found (indices
 * into {@code operations}, in linearization order; the whole linearization when {@code outcome} is
 * LINEARIZABLE) and {@code blockingOp} the operation whose return stopped that prefix from growing (-1
 * when none).
 */
public record PartitionResult(Object key, List<Operation> operations, SearchOutcome outcome, SearchStats stats,
                              int[] longest, int blockingOp, long elapsedNanos) {

    public Operation blocking() {
        return blockingOp < 0 ? null : operations.get(blockingOp);
    }

    @Override
    public String toString() {
        return "partition " + (key == null ? "*" : key) + ": " + outcome + " (" + operations.size() + " ops, "
                + stats + ", " + elapsedNanos / 1_000_000 + " ms)";
    }
}
