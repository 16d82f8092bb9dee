package dev.schism.harness.checker.latch;

import java.util.ArrayList;
import java.util.List;

/** A stretch during which two clients of one election both believed they led. */
public record Overlap(Term a, Term b, long startNs, long endNs) {

    /** Every overlap between terms of different clients; {@code terms} in start order. */
    public static List<Overlap> among(List<Term> terms) {
        List<Overlap> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term a = terms.get(i);
            for (int j = i + 1; j < terms.size() && terms.get(j).startNs() < a.endNs(); j++) {
                Term b = terms.get(j);
                if (!b.candidate().equals(a.candidate())) {
                    long end = Math.min(a.endNs(), b.endNs());
                    if (end > b.startNs()) {
                        out.add(new Overlap(a, b, b.startNs(), end));
                    }
                }
            }
        }
        return out;
    }

    public long nanos() {
        return endNs - startNs;
    }

    /** One line: {@code curator@n1 and curator@n3 both led for 2.104 s from 12.345s}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s and %s both led for %.3f s from %.3fs", a.candidate(),
                b.candidate(), nanos() / 1e9, startNs / 1e9);
    }
}
