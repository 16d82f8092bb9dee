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
                List<Long> window = window(p);
                if (!window.isEmpty() && !details.containsKey("window")) {
                    // The first failing partition's ops, by history index, for the report to draw.
                    details.put("op", p.blocking().invoke().index());
                    details.put("window", window);
                }
            }
            failing.add(m);
        }
        details.put("not_linearized", failing);
        return new CheckResult("linearizability", verdict, reason, details);
    }

    /** History indices of the ops concurrent with the blocking one (at most 50), or none if the ops carry no history op. */
    private static List<Long> window(PartitionResult p) {
        Operation b = p.blocking();
        List<Long> out = new ArrayList<>();
        if (b.invoke() == null) {
            return out;
        }
        for (Operation o : p.operations()) {
            if (o.invoke() != null && o.call() <= b.ret() && o.ret() >= b.call() && out.size() < 50) {
                out.add(o.invoke().index());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return verdict + " (" + reason + "; " + partitions.size() + " partitions, " + elapsedNanos / 1_000_000
                + " ms)";
    }
}
