package dev.schism.results.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lost writes (a checker's {@code lost} evidence: {@code [{element or value, index, time, node, zxid, ...}]},
 * {@code lost-count} the total when the list is cut short): each acknowledged write that the reads did not
 * keep, as a table linked to its op (other keys shown as they come, op numbers linked) and as ticks on the
 * run's time axis over the fault shades, so it shows which fault swallowed them.
 */
final class LostSection {
    private static final int MAX_ROWS = 500;

    private LostSection() {
    }

    /** {@code what}: "lost" (acknowledged, never kept) or "vanished" (seen by a read, then gone). */
    static void render(StringBuilder h, ReportModel m, String checker, String what, List<?> lost, Object total) {
        long count = total instanceof Number n ? n.longValue() : lost.size();
        h.append("<div class=\"violation\" data-checker=\"").append(Html.esc(checker)).append("\"><h3>")
                .append(count).append(what.equals("lost") ? " lost element" : " vanished element").append(count == 1 ? "" : "s")
                .append(count > lost.size() ? ", " + lost.size() + " listed" : "").append(" (").append(Html.esc(checker))
                .append(")</h3>\n<p class=\"violation-text\">").append(what.equals("lost") ? "Acknowledged writes that the reads did not keep."
                        : "Elements a read had seen that later reads no longer held.").append("</p>\n");
        double height = 60;
        h.append("<svg class=\"plot lost-strip\" viewBox=\"0 0 ").append(Html.num(TimelineSvg.WIDTH)).append(' ').append(Html.num(height))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"lost elements\">\n");
        FaultShade.draw(h, m.faults, m.axis, 4, height - 20);
        for (Object o : lost) {
            if (o instanceof Map<?, ?> e && e.get("time") instanceof Number t) {
                double x = m.axis.x(t.longValue());
                h.append("<rect class=\"lost-tick\" x=\"").append(Html.num(x - 1)).append("\" y=\"8\" width=\"2\" height=\"").append(Html.num(height - 32))
                        .append("\"><title>").append(Html.esc((e.containsKey("element") ? e.get("element") : e.get("value")) + " added at " + Html.seconds(t.longValue())
                        + " via " + e.get("node"))).append("</title></rect>");
            }
        }
        m.axis.draw(h, 4, height - 20);
        h.append("</svg>\n");
        table(h, m, lost);
        h.append("</div>\n");
    }

    /** Element (or value), add time, node, zxid and op first, then whatever else each entry says, op numbers linked. */
    private static void table(StringBuilder h, ReportModel m, List<?> lost) {
        Set<String> columns = new LinkedHashSet<>(List.of("element", "value", "time", "node", "zxid", "index"));
        lost.forEach(o -> {
            if (o instanceof Map<?, ?> e) {
                e.keySet().forEach(k -> columns.add(String.valueOf(k)));
            }
        });
        columns.removeIf(c -> lost.stream().noneMatch(o -> o instanceof Map<?, ?> e && e.containsKey(c)));
        h.append("<div class=\"scroll\"><table class=\"lost\"><tr>");
        columns.forEach(c -> h.append("<th>").append(c.equals("time") ? "added at" : c.equals("index") ? "op" : Html.esc(c)).append("</th>"));
        h.append("</tr>\n");
        int shown = Math.min(MAX_ROWS, lost.size());
        for (int i = 0; i < shown; i++) {
            if (!(lost.get(i) instanceof Map<?, ?> e)) {
                h.append("<tr><td colspan=\"").append(columns.size()).append("\">").append(Html.esc(lost.get(i))).append("</td></tr>\n");
                continue;
            }
            h.append("<tr>");
            for (String c : columns) {
                h.append("<td>");
                Object v = e.get(c);
                if ((c.equals("time") || c.endsWith("-time")) && v instanceof Number t) {
                    h.append(Html.seconds(t.longValue()));
                } else if (v != null) {
                    EvidenceHtml.cell(h, c, v, m);
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
        if (lost.size() > shown) {
            h.append("<p class=\"more\">and ").append(lost.size() - shown).append(" more in <a href=\"results.json\">results.json</a></p>\n");
        }
    }
}
