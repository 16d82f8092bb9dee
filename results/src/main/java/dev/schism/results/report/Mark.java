package dev.schism.results.report;

/** A tick on one node's row of a timeline (an op at a moment, linked to its row in the op table), or on all rows (a violation). */
record Mark(String node, long ns, String cssClass, String title, long opIndex) {
    /** The node of a mark drawn across every row: a violation, linked to the failing window. */
    static final String ALL = "*";

    @Override
    public String toString() {
        return "mark{" + node + " " + Html.seconds(ns) + " " + cssClass + " #" + opIndex + "}";
    }
}
