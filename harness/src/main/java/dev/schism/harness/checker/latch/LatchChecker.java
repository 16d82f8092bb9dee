package dev.schism.harness.checker.latch;

import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.harness.runner.Progress;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Invalid when two clients of one election both believed they led for longer than that election's
 * {@link OverlapBound}; the evidence names the two clients, the stretch and the fault before it. Valid
 * otherwise, reporting per election the terms and the longest overlap (also one within the bound).
 * Unknown when an election's clients never led at all, or the history has no latch reports.
 */
public final class LatchChecker implements RunChecker {
    public static final String NAME = "latch";

    private final Map<String, OverlapBound> bounds;

    /** {@code bounds}: the allowed overlap of each election the workload runs, by election name. */
    public LatchChecker(Map<String, OverlapBound> bounds) {
        this.bounds = Map.copyOf(bounds);
    }

    @Override
    public CheckResult check(RunData data) {
        return check(data.history());
    }

    public CheckResult check(History history) {
        List<LatchReport> reports = new ArrayList<>();
        for (Op op : history.ops()) {
            LatchReport r = LatchReport.of(op);
            if (r != null) {
                reports.add(r);
            }
        }
        if (reports.isEmpty()) {
            return CheckResult.unknown(NAME, "no leadership reports in the history");
        }
        Verdict verdict = Verdict.VALID;
        List<String> sentences = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, List<Term>> e : Term.of(reports).entrySet()) {
            Judged j = judge(e.getKey(), e.getValue(), history);
            verdict = verdict.and(j.verdict);
            sentences.add(j.sentence);
            details.put(e.getKey(), j.details);
        }
        return new CheckResult(NAME, verdict, String.join("; ", sentences), details);
    }

    private record Judged(Verdict verdict, String sentence, Map<String, Object> details) {
        @Override
        public String toString() {
            return verdict + ": " + sentence;
        }
    }

    private Judged judge(String election, List<Term> terms, History history) {
        Map<String, Object> d = new LinkedHashMap<>();
        OverlapBound bound = bounds.get(election);
        d.put("terms", terms.size());
        if (bound == null) {
            return new Judged(Verdict.UNKNOWN, election + ": no overlap bound is known for this election", d);
        }
        d.put("bound-ms", bound.boundMs());
        d.put("bound", bound.toString());
        if (terms.isEmpty()) {
            return new Judged(Verdict.UNKNOWN, election + ": no client ever led, so nothing was tested", d);
        }
        List<Overlap> overlaps = Overlap.among(terms);
        Overlap longest = overlaps.stream().max(Comparator.comparingLong(Overlap::nanos)).orElse(null);
        d.put("longest-overlap-ms", longest == null ? 0 : longest.nanos() / 1_000_000);
        long boundNs = bound.boundMs() * 1_000_000;
        List<Overlap> over = overlaps.stream().filter(o -> o.nanos() > boundNs).toList();
        d.put("overlaps", overlaps.size());
        d.put("overlaps-over-bound", over.size());
        if (over.isEmpty()) {
            return new Judged(Verdict.VALID, String.format(Locale.ROOT, "%s: %d terms, longest overlap %s (bound %d ms)",
                    election, terms.size(), longest == null ? "none" : longest.nanos() / 1_000_000 + " ms", bound.boundMs()), d);
        }
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Overlap o : over) {
            evidence.add(evidence(o, history));
        }
        d.put("violations", evidence);
        Overlap worst = over.stream().max(Comparator.comparingLong(Overlap::nanos)).orElseThrow();
        String fault = lastFault(history, worst.startNs());
        return new Judged(Verdict.INVALID, String.format(Locale.ROOT, "%s: %s (bound %d ms)%s%s", election, worst,
                bound.boundMs(), fault.isEmpty() ? "" : ", " + fault,
                over.size() > 1 ? "; " + over.size() + " overlaps over the bound" : ""), d);
    }

    private static Map<String, Object> evidence(Overlap o, History history) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clients", List.of(o.a().candidate(), o.b().candidate()));
        m.put("from-ns", o.startNs());
        m.put("to-ns", o.endNs());
        m.put("ms", o.nanos() / 1_000_000);
        m.put("terms", List.of(o.a().toString(), o.b().toString()));
        m.put("summary", o.toString());
        String fault = lastFault(history, o.startNs());
        if (!fault.isEmpty()) {
            m.put("last-fault", fault);
        }
        return m;
    }

    /** {@code 2.1 s after start-partition {...}}: the last fault completed before {@code ns}, or "". */
    static String lastFault(History history, long ns) {
        Op last = null;
        for (Op op : history.ops()) {
            if (op.isNemesis() && !op.isInvoke() && op.time() <= ns) {
                last = op;
            }
        }
        return last == null ? "" : String.format(Locale.ROOT, "%.1f s after %s %s", (ns - last.time()) / 1e9, last.f(),
                Progress.summarize(last.value()));
    }

    @Override
    public String toString() {
        return NAME + bounds.keySet();
    }
}
