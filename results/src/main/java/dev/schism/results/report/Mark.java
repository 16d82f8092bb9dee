package dev.schism.results.report;

/** A tick on one node's row of a timeline: an op at a moment, linked to its row in the op table. */
record Mark(String node, long ns, String cssClass, String title, long opIndex) {
    @Override
    public String toString() {
        return "mark{" + node + " " + Html.seconds(ns) + " " + cssClass + " #" + opIndex + "}";
    }
}
