package dev.schism.harness.checker.linear;

import java.util.List;

/**
 * The verdict of a linearizability check with its evidence: every partition's result, and a one-line
 * reason (which partition failed, ran out of time or of memory).
 */
public record CheckResult(Verdict verdict, String reason, List<PartitionResult> partitions, long elapsedNanos) {

    /** The counters summed over all partitions. */
    public SearchStats stats() {
        SearchStats s = SearchStats.ZERO;
        for (PartitionResult p : partitions) {
            s = s.plus(p.stats());
        }
        return s;
    }

    /** The partitions found illegal. */
    public List<PartitionResult> illegal() {
        return partitions.stream().filter(p -> p.outcome() == SearchOutcome.ILLEGAL).toList();
    }

    @Override
    public String toString() {
        return verdict + " (" + reason + "; " + partitions.size() + " partitions, " + elapsedNanos / 1_000_000
                + " ms)";
    }
}
