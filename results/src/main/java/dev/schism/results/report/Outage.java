package dev.schism.results.report;

/** A span during which a node was down (killed) or paused, from the fault journal. */
public record Outage(String node, String kind, long startNs, long endNs) {

    /** One line: {@code n2 killed 12.000 s..17.500 s}. */
    @Override
    public String toString() {
        return node + " " + kind + " " + Html.seconds(startNs) + ".." + Html.seconds(endNs);
    }
}
