package dev.schism.results.report;

import dev.schism.results.history.Op;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ops the evidence refers to, one row per call (invocation and completion together), each row the
 * target of the {@code #op-N} links for both of its history indices. Capped, because evidence on a huge
 * run could name thousands of ops; the raw history has them all.
 */
final class OpTable {
    static final int MAX_ROWS = 2000;

    private OpTable() {
    }

    static void render(StringBuilder h, ReportModel m) {
        h.append("<section id=\"ops\"><h2>Ops referred to above</h2>\n");
        if (m.referenced.isEmpty()) {
            h.append("<p>No evidence refers to single ops. The whole history is in <a href=\"history.jsonl\">history.jsonl</a>.</p></section>\n");
            return;
        }
        h.append("<table class=\"ops\"><tr><th>op</th><th>process</th><th>f</th><th>value</th><th>outcome</th><th>node</th>")
                .append("<th>invoked</th><th>completed</th><th>latency</th><th>error</th></tr>\n");
        Set<Object> done = new LinkedHashSet<>();
        int rows = 0;
        for (long idx : m.referenced) {
            if (rows >= MAX_ROWS) {
                h.append("<tr><td colspan=\"10\">and ").append(m.referenced.size() - rows)
                        .append(" more ops; see <a href=\"history.jsonl\">history.jsonl</a></td></tr>\n");
                break;
            }
            Call c = m.callByIndex.get(idx);
            if (c != null) {
                if (done.add(c)) {
                    call(h, c, m.in.endNs());
                    rows++;
                }
                continue;
            }
            Op op = m.opByIndex.get(idx);
            if (op != null && done.add(op)) {
                h.append("<tr id=\"op-").append(idx).append("\"><td>#").append(idx).append("</td><td>")
                        .append(op.isNemesis() ? "nemesis" : "p" + op.process()).append("</td><td>").append(Html.esc(op.f()))
                        .append("</td><td>").append(Html.esc(op.value())).append("</td><td>").append(op.type().wire())
                        .append("</td><td>").append(Html.esc(op.node())).append("</td><td>").append(Html.seconds(op.time()))
                        .append("</td><td></td><td></td><td>").append(Html.esc(op.error())).append("</td></tr>\n");
                rows++;
            } else if (op == null) {
                h.append("<tr id=\"op-").append(idx).append("\"><td>#").append(idx)
                        .append("</td><td colspan=\"9\">not in history.jsonl</td></tr>\n");
                rows++;
            }
        }
        h.append("</table></section>\n");
    }

    private static void call(StringBuilder h, Call c, long runEnd) {
        Op inv = c.invoke();
        Op done = c.completion();
        h.append("<tr id=\"op-").append(inv.index()).append("\" class=\"").append(c.outcome().wire()).append("\"><td>#").append(inv.index());
        if (done != null) {
            h.append(" <span id=\"op-").append(done.index()).append("\">#").append(done.index()).append("</span>");
        }
        h.append("</td><td>p").append(inv.process()).append("</td><td>").append(Html.esc(inv.f())).append("</td><td>")
                .append(Html.esc(done != null && done.value() != null ? done.value() : inv.value())).append("</td><td>")
                .append(c.outcome().wire()).append("</td><td>").append(Html.esc(done != null && done.node() != null ? done.node() : inv.node()))
                .append("</td><td>").append(Html.seconds(inv.time())).append("</td><td>")
                .append(done == null ? "never" : Html.seconds(done.time())).append("</td><td>")
                .append(Html.duration(c.latency(runEnd))).append("</td><td>").append(Html.esc(done == null ? null : done.error()))
                .append("</td></tr>\n");
    }
}
