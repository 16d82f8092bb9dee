package dev.schism.harness.checker.latch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stretch of history time during which one client believed it led. {@code open}: the client never
 * reported giving it up, so the term ends at its last report (all the history can vouch for).
 */
public record Term(String candidate, String election, long startNs, long endNs, boolean open) {

    /** Every client's terms, grouped by election (in order of first appearance), each list in start order. */
    public static Map<String, List<Term>> of(List<LatchReport> reports) {
        Map<String, List<LatchReport>> byCandidate = new LinkedHashMap<>();
        for (LatchReport r : reports) {
            byCandidate.computeIfAbsent(r.candidate(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Term>> byElection = new LinkedHashMap<>();
        for (List<LatchReport> rs : byCandidate.values()) {
            byElection.computeIfAbsent(rs.get(0).election(), k -> new ArrayList<>());
            List<LatchReport> sorted = new ArrayList<>(rs);
            sorted.sort(Comparator.comparingLong(LatchReport::atNs).thenComparingLong(LatchReport::index));
            terms(sorted, byElection.get(rs.get(0).election()));
        }
        byElection.values().forEach(l -> l.sort(Comparator.comparingLong(Term::startNs)));
        return byElection;
    }

    /** One client's terms from its reports in time order. */
    private static void terms(List<LatchReport> reports, List<Term> out) {
        LatchReport started = null;
        long lastSeen = 0;
        for (LatchReport r : reports) {
            if (r.leader()) {
                if (started == null) {
                    started = r;
                }
                lastSeen = r.atNs();
            } else if (started != null) {
                out.add(new Term(r.candidate(), r.election(), started.atNs(), r.atNs(), false));
                started = null;
            }
        }
        if (started != null) {
            out.add(new Term(started.candidate(), started.election(), started.atNs(), lastSeen, true));
        }
    }

    public long nanos() {
        return endNs - startNs;
    }

    /** One line: {@code curator@n2 led 12.345s-15.002s}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s led %.3fs-%.3fs%s", candidate, startNs / 1e9, endNs / 1e9,
                open ? " (still leading at its last report)" : "");
    }
}
