package dev.schism.harness.checker.linear;

import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdict of a linearizability check with its evidence: every partition's result, and a one-line
 * reason (which partition failed, ran out of time or of memory).
 */
public record LinearizabilityResult(Verdict verdict, String reason, List<PartitionResult> partitions, long elapsedNanos) {

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

    /**
     * This result as one checker's entry of {@code results.json}: checker {@code linearizability}, the
     * verdict, the reason, and details: the search counters, and per partition that did not linearize its
     * outcome, size, longest linearizable prefix and the operation that could not follow it.
     */
    public CheckResult toCheckResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        SearchStats s = stats();
        details.put("partitions", partitions.size());
        details.put("steps", s.steps());
        details.put("cache_entries", s.cacheEntries());
        details.put("cache_hits", s.cacheHits());
        details.put("backtracks", s.backtracks());
        details.put("elapsed_ms", elapsedNanos / 1_000_000);
        List<Map<String, Object>> failing = new ArrayList<>();
        for (PartitionResult p : partitions) {
            if (p.outcome() == SearchOutcome.LINEARIZABLE || p.outcome() == SearchOutcome.CANCELLED) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", p.key() == null ? null : String.valueOf(p.key()));
            m.put("outcome", p.outcome().name());
            m.put("operations", p.operations().size());
            m.put("linearizable_prefix", p.longest().length);
            if (p.blocking() != null) {
                m.put("cannot_linearize", p.blocking().toString());
            }
            failing.add(m);
        }
        details.put("not_linearized", failing);
        return new CheckResult("linearizability", verdict, reason, details);
    }

    @Override
    public String toString() {
        return verdict + " (" + reason + "; " + partitions.size() + " partitions, " + elapsedNanos / 1_000_000
                + " ms)";
    }
}
