package dev.schism.results.report;

import dev.schism.results.events.RoleEvent;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failing window of a split brain: for each election violation, the two leaders of one epoch, when
 * each established it, and the writes each took in that epoch, drawn on a timeline zoomed to that stretch
 * (each write a tick on the row of the node that took it, coloured by the leader it went through, linked
 * to its op).
 */
final class ElectionWindow {
    private static final long MARGIN_NS = 2_000_000_000L;
    private static final int MAX_LISTED = 40;

    private ElectionWindow() {
    }

    /** A write acknowledged with a zxid: the call, its epoch, and the leader it went through (or null). */
    record Write(Call call, String node, long zxid, String leader) {
        long epoch() {
            return zxid >>> 32;
        }

        @Override
        public String toString() {
            return "write " + call.completion().value() + " via " + node + " zxid=0x" + Long.toHexString(zxid);
        }
    }

    static void render(StringBuilder h, ReportModel m, Map<?, ?> violation) {
        long epoch = violation.get("epoch") instanceof Number n ? n.longValue() : -1;
        List<String> leaders = Faults.strings(violation.get("leaders"));
        h.append("<div class=\"violation\" data-checker=\"election\" data-epoch=\"").append(epoch).append("\"><h3>Epoch ").append(epoch)
                .append(": ").append(Html.esc(String.join(" and ", leaders))).append("</h3>\n<p class=\"violation-text\">")
                .append(Html.esc(violation.get("description"))).append("</p>\n");
        if (violation.get("last-fault") instanceof Map<?, ?> lf) {
            h.append("<p>Last fault before it: <code>").append(Html.esc(lf.get("f"))).append(' ').append(Html.esc(lf.get("value")))
                    .append("</code>, ").append(Html.esc(lf.get("ms-before"))).append(" ms earlier.</p>\n");
        }
        Map<String, Long> established = new LinkedHashMap<>();
        for (RoleEvent e : m.in.events()) {
            if (e.isLeading() && e.epoch() == epoch) {
                established.putIfAbsent(e.nodeName(), m.in.eventNs(e));
            }
        }
        List<Write> writes = writes(m, epoch);
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (long t : established.values()) {
            from = Math.min(from, t);
            to = Math.max(to, t);
        }
        for (Write w : writes) {
            from = Math.min(from, w.call().completion().time());
            to = Math.max(to, w.call().completion().time());
        }
        if (from == Long.MAX_VALUE) {
            h.append("<p>No role event or write of this epoch is in the run folder.</p></div>\n");
            return;
        }
        List<Mark> marks = new ArrayList<>();
        for (Write w : writes) {
            int k = leaders.indexOf(w.leader());
            long idx = w.call().completion().index();
            m.ref(idx);
            marks.add(new Mark(w.node(), w.call().completion().time(), k == 0 ? "w-a" : k == 1 ? "w-b" : "w-other",
                    w + (w.leader() == null ? " (leader unknown)" : " through leader " + w.leader()), idx));
        }
        TimeAxis axis = TimelineSvg.axis(Math.max(m.axis.fromNs(), from - MARGIN_NS), Math.min(m.axis.toNs(), to + MARGIN_NS));
        h.append("<p>From ").append(Html.seconds(axis.fromNs())).append(" to ").append(Html.seconds(axis.toNs()))
                .append(". Ticks are the writes of epoch ").append(epoch).append(", on the row of the node that took them: ")
                .append("<span class=\"w-a-key\">through ").append(Html.esc(leaders.isEmpty() ? "?" : leaders.get(0))).append("</span>, ")
                .append("<span class=\"w-b-key\">through ").append(Html.esc(leaders.size() < 2 ? "?" : leaders.get(1))).append("</span>, ")
                .append("<span class=\"w-other-key\">leader unknown</span>.</p>\n");
        TimelineSvg.render(h, "window-e" + epoch, m.in.nodes(), m.roles, m.outages, m.faults, axis, marks);
        table(h, m, leaders, established, writes);
        h.append("</div>\n");
    }

    private static void table(StringBuilder h, ReportModel m, List<String> leaders, Map<String, Long> established, List<Write> writes) {
        List<String> columns = new ArrayList<>(leaders);
        established.keySet().forEach(n -> {
            if (!columns.contains(n)) {
                columns.add(n);
            }
        });
        h.append("<table class=\"leaders\"><tr><th>leader</th><th>established the epoch at</th><th>writes it took</th></tr>\n");
        for (String leader : columns) {
            List<Write> mine = writes.stream().filter(w -> leader.equals(w.leader())).toList();
            Long t = established.get(leader);
            h.append("<tr><td>").append(Html.esc(leader)).append("</td><td>").append(t == null ? "never (no LEADING record)" : Html.seconds(t))
                    .append("</td><td>").append(mine.size()).append(mine.isEmpty() ? "" : ": ");
            for (int i = 0; i < Math.min(MAX_LISTED, mine.size()); i++) {
                Write w = mine.get(i);
                h.append(i == 0 ? "" : ", ").append("<a class=\"opref\" href=\"").append(m.ref(w.call().completion().index())).append("\">")
                        .append(Html.esc(w.call().completion().value() instanceof Map<?, ?> v ? v.get("value") : "?"))
                        .append(" @").append(Html.seconds(w.call().completion().time())).append("</a>");
            }
            h.append(mine.size() > MAX_LISTED ? " and " + (mine.size() - MAX_LISTED) + " more" : "").append("</td></tr>\n");
        }
        long unknown = writes.stream().filter(w -> w.leader() == null).count();
        if (unknown > 0) {
            h.append("<tr><td>unknown</td><td></td><td>").append(unknown).append(" writes from nodes whose leader in this epoch is not recorded</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Acknowledged writes of {@code epoch}, each with the leader its node served then (the election checker's rule). */
    static List<Write> writes(ReportModel m, long epoch) {
        Map<String, String> servedBy = new HashMap<>();
        for (RoleEvent e : m.in.events()) {
            if (e.epoch() != epoch) {
                continue;
            }
            String leader = e.isLeading() ? e.nodeName()
                    : e.event() == RoleEvent.Kind.FOLLOWING || e.event() == RoleEvent.Kind.OBSERVING ? "n" + e.leader() : null;
            if (leader != null) {
                servedBy.merge(e.nodeName(), leader, (a, b) -> a.equals(b) ? a : "?");
            }
        }
        List<Write> out = new ArrayList<>();
        for (Call c : m.calls) {
            if (c.outcome() != OpType.OK || !(c.completion().value() instanceof Map<?, ?> v)) {
                continue;
            }
            long zxid = zxid(v.get("zxid"));
            String node = c.completion().node() != null ? c.completion().node() : c.invoke().node();
            if (zxid < 0 || (zxid >>> 32) != epoch || node == null) {
                continue;
            }
            String leader = servedBy.get(node);
            out.add(new Write(c, node, zxid, "?".equals(leader) ? null : leader));
        }
        return out;
    }

    static long zxid(Object z) {
        if (z instanceof Number n) {
            return n.longValue();
        }
        if (z instanceof String s && s.startsWith("0x")) {
            try {
                return Long.parseUnsignedLong(s.substring(2), 16);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }
}
