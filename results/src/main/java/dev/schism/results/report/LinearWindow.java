package dev.schism.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A non-linearizable window (a checker's {@code window} evidence: the history indices of the ops concurrent
 * with the one that cannot be linearized, which is named under {@code op}, {@code blocking-op} or
 * {@code failed-op}). Drawn the way {@code schism check --explain} draws it: one row per process, each op
 * a box from its call to its return, the blocking op red, each box linked to its op row.
 */
final class LinearWindow {
    private static final double ROW = 26;
    private static final List<String> BLOCKING_KEYS = List.of("op", "blocking-op", "failed-op", "blocking");

    private LinearWindow() {
    }

    static void render(StringBuilder h, ReportModel m, String checker, Map<?, ?> details, String summary) {
        List<Call> window = new ArrayList<>();
        Call blocking = collect(m, details, window);
        h.append("<div class=\"violation\" data-checker=\"").append(Html.esc(checker)).append("\"><h3>Non-linearizable window (")
                .append(Html.esc(checker)).append(")</h3>\n<p class=\"violation-text\">").append(Html.esc(summary)).append("</p>\n");
        if (window.isEmpty()) {
            h.append("<p>The evidence names no op of this history.</p></div>\n");
            return;
        }
        draw(h, m, window, blocking);
        if (blocking != null) {
            h.append("<p>Cannot be linearized: ").append(m.link(blocking.invoke().index())).append(" <code>").append(Html.esc(blocking))
                    .append("</code></p>\n");
        }
        h.append("</div>\n");
    }

    /** Fills {@code window} with the calls the evidence names and returns the blocking one (null if not named). */
    private static Call collect(ReportModel m, Map<?, ?> details, List<Call> window) {
        for (long i : EvidenceHtml.opIndices(details.get("window"), "window")) {
            Call c = m.callByIndex.get(i);
            if (c != null && !window.contains(c)) {
                window.add(c);
            }
        }
        Call blocking = null;
        for (String k : BLOCKING_KEYS) {
            for (long i : EvidenceHtml.opIndices(details.get(k), k)) {
                blocking = blocking != null ? blocking : m.callByIndex.get(i);
            }
        }
        if (blocking != null && !window.contains(blocking)) {
            window.add(blocking);
        }
        return blocking;
    }

    private static void draw(StringBuilder h, ReportModel m, List<Call> window, Call blocking) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        TreeMap<Long, Integer> rows = new TreeMap<>();
        for (Call c : window) {
            from = Math.min(from, c.start());
            to = Math.max(to, c.end(m.in.endNs()));
            rows.putIfAbsent(c.invoke().process(), 0);
        }
        int r = 0;
        for (Map.Entry<Long, Integer> e : rows.entrySet()) {
            e.setValue(r++);
        }
        long pad = Math.max(1_000_000L, (to - from) / 20);
        TimeAxis axis = TimelineSvg.axis(from - pad, to + pad);
        double height = rows.size() * ROW + 24;
        h.append("<svg class=\"plot linear-window\" viewBox=\"0 0 ").append(Html.num(TimelineSvg.WIDTH)).append(' ').append(Html.num(height))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"non-linearizable window\">\n");
        rows.forEach((p, row) -> h.append("<text x=\"4\" y=\"").append(Html.num(row * ROW + 17)).append("\">p").append(p).append("</text>"));
        for (Call c : window) {
            double y = rows.get(c.invoke().process()) * ROW + 2;
            double x = axis.x(c.start());
            double w = axis.w(c.start(), c.end(m.in.endNs()), 4);
            String cls = c == blocking ? "box bad" : "box";
            h.append("<a href=\"").append(m.ref(c.invoke().index())).append("\"><rect class=\"").append(cls).append("\" x=\"")
                    .append(Html.num(x)).append("\" y=\"").append(Html.num(y)).append("\" width=\"").append(Html.num(w))
                    .append("\" height=\"").append(Html.num(ROW - 6)).append("\"").append(c.completion() == null ? " stroke-dasharray=\"4 2\"" : "")
                    .append("><title>").append(Html.esc(c.toString())).append("</title></rect><text x=\"").append(Html.num(x + 3))
                    .append("\" y=\"").append(Html.num(y + 14)).append("\" pointer-events=\"none\">")
                    .append(Html.esc(TimelineSvg.clip(c.invoke().f() + " " + (c.completion() != null && c.completion().value() != null
                            ? c.completion().value() : c.invoke().value()), w))).append("</text></a>\n");
        }
        axis.draw(h, 0, rows.size() * ROW + 2);
        h.append("</svg>\n");
    }
}
