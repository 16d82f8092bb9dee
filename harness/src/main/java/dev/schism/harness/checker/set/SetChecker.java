package dev.schism.harness.checker.set;

import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.results.history.Call;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges adds against the reads made during the run and the final read of every server. Add invocations carry the element (a number) as
 * their value; an ok add's completion may carry {@code {"value": e, "zxid": "0x.."}}. A final read's ok
 * completion carries the list of elements that server holds; the last successful read per server counts.
 * An element is lost when a read lacks it although that server had applied a txn at or past the element's
 * zxid (the read's pzxid; see {@link Losses}), or when a final read lacks an acknowledged add.
 * INVALID: an acknowledged add lost (with when and where it was added, and the read that missed it), an
 * element that vanished after a read had seen it, an element
 * nobody attempted or whose add certainly failed, or servers ending with different sets. UNKNOWN: some
 * server never answered its final read (and nothing is invalid).
 */
public final class SetChecker implements RunChecker {
    public static final String NAME = "set";
    private static final int MAX_LISTED = 50;

    private final String addF;
    private final String readF;
    private final String finalReadF;

    public SetChecker(String addF, String readF, String finalReadF) {
        this.addF = addF;
        this.readF = readF;
        this.finalReadF = finalReadF;
    }

    @Override
    public CheckResult check(RunData data) {
        Map<Long, Call> adds = new TreeMap<>();
        Map<String, Set<Long>> finals = new TreeMap<>();
        List<SetRead> reads = new ArrayList<>();
        for (Call c : Call.of(data.history())) {
            if (c.f().equals(addF)) {
                adds.put(element(c.invoke().value()), c);
            } else if ((c.f().equals(finalReadF) || c.f().equals(readF)) && c.ok()) {
                SetRead r = SetRead.of(c, c.f().equals(finalReadF));
                reads.add(r);
                if (r.isFinal()) {
                    finals.put(r.node(), r.elements());
                }
            }
        }
        Map<OpType, Integer> counts = new TreeMap<>();
        adds.values().forEach(c -> counts.merge(c.outcome(), 1, Integer::sum));
        List<String> problems = new ArrayList<>();
        Losses losses = Losses.find(adds, reads);
        List<Map<String, Object>> lost = losses.lost();
        if (!lost.isEmpty()) {
            problems.add(lost.size() + " acknowledged adds lost, e.g. " + describe(lost.get(0)));
        }
        if (!losses.vanished().isEmpty()) {
            problems.add(losses.vanished().size() + " elements vanished after a read had seen them, e.g. " + describe(losses.vanished().get(0)));
        }
        Map<String, List<Long>> unexpected = new TreeMap<>();
        Map<String, List<Long>> failedPresent = new TreeMap<>();
        finals.forEach((node, set) -> {
            for (long e : set) {
                Call c = adds.get(e);
                if (c == null) {
                    unexpected.computeIfAbsent(node, k -> new ArrayList<>()).add(e);
                } else if (c.outcome() == OpType.FAIL) {
                    failedPresent.computeIfAbsent(node, k -> new ArrayList<>()).add(e);
                }
            }
        });
        unexpected.forEach((n, es) -> problems.add(n + " holds " + es.size() + " elements nobody added: " + head(es)));
        failedPresent.forEach((n, es) -> problems.add(n + " holds " + es.size() + " elements whose add certainly failed: " + head(es)));
        Map<String, Object> divergence = divergence(finals);
        if (!divergence.isEmpty()) {
            problems.add("replicas diverge: " + divergence.keySet().iterator().next() + " " + divergence.values().iterator().next()
                    + (divergence.size() > 1 ? " (and " + (divergence.size() - 1) + " more servers)" : ""));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("attempted", adds.size());
        counts.forEach((t, n) -> details.put(t.wire(), n));
        details.put("info-present", adds.values().stream().filter(c -> c.outcome() == OpType.INFO)
                .filter(c -> finals.values().stream().anyMatch(s -> s.contains(element(c.invoke().value())))).count());
        details.put("servers-read", new ArrayList<>(finals.keySet()));
        details.put("final-sizes", sizes(finals));
        details.put("lost-count", lost.size());
        details.put("lost", lost.subList(0, Math.min(lost.size(), MAX_LISTED)));
        details.put("vanished-count", losses.vanished().size());
        details.put("vanished", losses.vanished().subList(0, Math.min(losses.vanished().size(), MAX_LISTED)));
        details.put("reads", reads.size());
        details.put("unexpected", unexpected);
        details.put("failed-but-present", failedPresent);
        details.put("divergence", divergence);
        String tally = adds.size() + " adds (" + counts.getOrDefault(OpType.OK, 0) + " ok, " + counts.getOrDefault(OpType.FAIL, 0)
                + " fail, " + counts.getOrDefault(OpType.INFO, 0) + " info, " + details.get("info-present") + " of them present)";
        if (!problems.isEmpty()) {
            details.put("problems", problems);
            return new CheckResult(NAME, Verdict.INVALID, String.join("; ", problems) + "; " + tally, details);
        }
        if (finals.isEmpty()) {
            return new CheckResult(NAME, Verdict.UNKNOWN, "no server answered its final read; " + tally, details);
        }
        return new CheckResult(NAME, Verdict.VALID, tally + "; every acknowledged add is on all " + finals.size()
                + " servers read at the end, which hold the same " + finals.values().iterator().next().size() + " elements", details);
    }

    /** For each server whose set differs from the union of all: how many of the union it lacks. */
    private static Map<String, Object> divergence(Map<String, Set<Long>> finals) {
        Set<Long> union = new TreeSet<>();
        finals.values().forEach(union::addAll);
        Map<String, Object> d = new TreeMap<>();
        finals.forEach((node, set) -> {
            if (set.size() != union.size()) {
                List<Long> lacks = union.stream().filter(e -> !set.contains(e)).toList();
                d.put(node, "lacks " + lacks.size() + " of the " + union.size() + " elements other servers hold: " + head(lacks));
            }
        });
        return d;
    }

    private static Map<String, Integer> sizes(Map<String, Set<Long>> finals) {
        Map<String, Integer> m = new TreeMap<>();
        finals.forEach((n, s) -> m.put(n, s.size()));
        return m;
    }

    private static String describe(Map<String, Object> lost) {
        return "element " + lost.get("element") + " (added via " + lost.get("node") + String.format(java.util.Locale.ROOT, " at %.3f s",
                ((Number) lost.get("time")).longValue() / 1e9) + ", zxid " + lost.get("zxid") + ") is missing on " + lost.get("missing-on")
                + ", first in the " + lost.get("missing-in");
    }

    private static String head(List<Long> es) {
        return es.size() <= 10 ? es.toString() : es.subList(0, 10) + " ...";
    }

    static long element(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        if (o instanceof Map<?, ?> m && m.get("value") instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("a set element must be a number, got " + o);
    }

    @Override
    public String toString() {
        return NAME + "(" + addF + ", " + finalReadF + ")";
    }
}
