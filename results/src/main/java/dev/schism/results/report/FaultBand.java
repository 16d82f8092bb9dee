package dev.schism.results.report;

import java.util.List;

/**
 * One fault op of {@code faults.jsonl} drawn as a band: from when it was invoked until the op that undid it
 * (a heal, a restart, a resume, a newer partition) or the end of the run. {@code seq} is its line number
 * in faults.jsonl (1-based); {@code family} says which kind of heal ends it; {@code detail}
 * says what was cut (empty for faults other than partitions).
 */
public record FaultBand(int seq, String f, String family, long startNs, long endNs, String label, String detail, List<String> hit,
                        String error) {

    /** One line: {@code #3 kill [n2] 12.000 s..17.500 s}. */
    @Override
    public String toString() {
        return "#" + seq + " " + f + " " + hit + " " + Html.seconds(startNs) + ".." + Html.seconds(endNs);
    }
}
