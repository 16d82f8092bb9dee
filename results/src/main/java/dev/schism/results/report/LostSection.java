package dev.schism.results.report;

import java.util.List;
import java.util.Map;

/**
 * Lost set elements (a checker's {@code lost} evidence: {@code [{element, index, time, node, zxid}]}): each
 * acknowledged add the final read did not see, as a table linked to the add's op and as ticks on the run's
 * time axis over the fault shades, so it shows which fault swallowed them.
 */
final class LostSection {
    private static final int MAX_ROWS = 500;

    private LostSection() {
    }

    static void render(StringBuilder h, ReportModel m, String checker, List<?> lost) {
        h.append("<div class=\"violation\" data-checker=\"").append(Html.esc(checker)).append("\"><h3>")
                .append(lost.size()).append(" lost element").append(lost.size() == 1 ? "" : "s").append(" (")
                .append(Html.esc(checker)).append(")</h3>\n<p class=\"violation-text\">Acknowledged adds that the final read did not return.</p>\n");
        double height = 60;
        h.append("<svg class=\"plot lost-strip\" viewBox=\"0 0 ").append(Html.num(TimelineSvg.WIDTH)).append(' ').append(Html.num(height))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"lost elements\">\n");
        FaultShade.draw(h, m.faults, m.axis, 4, height - 20);
        for (Object o : lost) {
            if (o instanceof Map<?, ?> e && e.get("time") instanceof Number t) {
                double x = m.axis.x(t.longValue());
                h.append("<rect class=\"lost-tick\" x=\"").append(Html.num(x - 1)).append("\" y=\"8\" width=\"2\" height=\"").append(Html.num(height - 32))
                        .append("\"><title>").append(Html.esc("element " + e.get("element") + " added at " + Html.seconds(t.longValue())
                        + " via " + e.get("node"))).append("</title></rect>");
            }
        }
        m.axis.draw(h, 4, height - 20);
        h.append("</svg>\n<table class=\"lost\"><tr><th>element</th><th>added at</th><th>node</th><th>zxid</th><th>op</th></tr>\n");
        int shown = Math.min(MAX_ROWS, lost.size());
        for (int i = 0; i < shown; i++) {
            if (!(lost.get(i) instanceof Map<?, ?> e)) {
                h.append("<tr><td colspan=\"5\">").append(Html.esc(lost.get(i))).append("</td></tr>\n");
                continue;
            }
            h.append("<tr><td>").append(Html.esc(e.get("element"))).append("</td><td>")
                    .append(e.get("time") instanceof Number t ? Html.seconds(t.longValue()) : Html.esc(e.get("time")))
                    .append("</td><td>").append(Html.esc(e.get("node"))).append("</td><td>").append(Html.esc(e.get("zxid")))
                    .append("</td><td>").append(e.get("index") instanceof Number n ? m.link(n.longValue()) : "").append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (lost.size() > shown) {
            h.append("<p class=\"more\">and ").append(lost.size() - shown).append(" more in <a href=\"results.json\">results.json</a></p>\n");
        }
        h.append("</div>\n");
    }
}
