package dev.schism.harness.checker.explain;

import dev.schism.harness.checker.explain.Explanation.PartitionExplanation;
import dev.schism.harness.checker.explain.Explanation.Step;
import dev.schism.harness.checker.linear.Operation;
import dev.schism.harness.checker.linear.SearchOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders an {@link Explanation} as one self-contained HTML page (inline CSS and SVG, no scripts or
 * external resources). Each partition is a timeline: one row per process, each operation a box from its
 * call to its return (times compressed to ranks, so the picture shows order, not duration), the longest
 * linearizable prefix drawn as a numbered path through its linearization points, the operation that cannot
 * be linearized marked in red and its concurrent window outlined. Hovering a box shows the operation, its
 * interval, and the states before and after it.
 */
public final class ExplanationPage {
    private static final int ROW = 34;
    private static final int LEFT = 70;
    private static final int UNIT = 22;
    private static final int MAX_OPS = 400;

    private ExplanationPage() {
    }

    public static void write(Explanation e, Path file) throws IOException {
        Files.writeString(file, render(e), StandardCharsets.UTF_8);
    }

    public static String render(Explanation e) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(e.title())).append(" - ").append(e.verdict()).append("</title>\n<style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}")
                .append("h1{font-size:20px}h2{font-size:16px;margin-top:28px}")
                .append(".VALID{color:#1a7f37}.INVALID{color:#cf222e}.UNKNOWN{color:#9a6700}")
                .append(".scroll{overflow-x:auto;border:1px solid #ddd;padding:4px}")
                .append("rect.op{fill:#d0d7de;stroke:#8c959f}rect.lin{fill:#b4e2c1;stroke:#1a7f37}")
                .append("rect.win{stroke:#bc4c00;stroke-width:2}rect.bad{fill:#ffcecb;stroke:#cf222e;stroke-width:3}")
                .append("rect.op:hover{stroke:#000;stroke-width:2}text{font:11px monospace}")
                .append(".path{fill:none;stroke:#0969da;stroke-width:1.5}circle.lp{fill:#0969da}")
                .append("table{border-collapse:collapse;margin-top:8px}td,th{border:1px solid #ddd;padding:2px 8px;")
                .append("font:12px monospace;text-align:left}tr.bad td{background:#ffcecb}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(e.title())).append(": <span class=\"").append(e.verdict()).append("\">")
                .append(e.verdict()).append("</span></h1>\n<p>").append(esc(e.reason())).append("</p>\n");
        h.append("<p>Boxes span an operation's call and return (in order of events, not to scale); green boxes form ")
                .append("the longest linearizable prefix, in the order the blue path numbers; the red box cannot be ")
                .append("linearized after it; orange outlines mark its concurrent window. Hover a box for details.</p>\n");
        for (PartitionExplanation p : e.partitions()) {
            partition(h, p);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void partition(StringBuilder h, PartitionExplanation p) {
        h.append("<h2>").append(esc(p.name())).append(": ").append(p.outcome()).append(" &mdash; prefix of ")
                .append(p.prefix().size()).append(" / ").append(p.operations().size()).append(" operations</h2>\n");
        if (p.outcome() == SearchOutcome.LINEARIZABLE && p.operations().size() > MAX_OPS) {
            h.append("<p>Linearizable; timeline omitted (").append(p.operations().size()).append(" operations).</p>\n");
            return;
        }
        List<Operation> ops = p.operations();
        List<Integer> shown = shownOps(p);
        Map<Integer, Integer> order = new HashMap<>();
        Map<Integer, Step> steps = new HashMap<>();
        for (int k = 0; k < p.prefix().size(); k++) {
            order.put(p.prefix().get(k).op(), k);
            steps.put(p.prefix().get(k).op(), p.prefix().get(k));
        }
        TreeSet<Long> times = new TreeSet<>();
        TreeMap<Long, Integer> rows = new TreeMap<>();
        for (int i : shown) {
            Operation o = ops.get(i);
            times.add(o.call());
            if (!o.isOpen()) {
                times.add(o.ret());
            }
            rows.putIfAbsent(o.process(), 0);
        }
        Map<Long, Integer> rank = new HashMap<>();
        for (long t : times) {
            rank.put(t, rank.size());
        }
        int row = 0;
        for (Map.Entry<Long, Integer> r : rows.entrySet()) {
            r.setValue(row++);
        }
        int end = rank.size() + 1;
        int width = LEFT + (end + 1) * UNIT;
        int height = rows.size() * ROW + 30;
        h.append("<div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\">\n");
        for (Map.Entry<Long, Integer> r : rows.entrySet()) {
            int y = 20 + r.getValue() * ROW;
            h.append("<text x=\"4\" y=\"").append(y + 16).append("\">p").append(r.getKey()).append("</text>")
                    .append("<line x1=\"").append(LEFT).append("\" x2=\"").append(width).append("\" y1=\"")
                    .append(y + ROW - 4).append("\" y2=\"").append(y + ROW - 4).append("\" stroke=\"#eee\"/>\n");
        }
        java.util.Set<Integer> window = new java.util.HashSet<>(p.window());
        double[] lpX = new double[p.prefix().size()];
        double[] lpY = new double[p.prefix().size()];
        double last = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.prefix().size(); k++) {
            Operation o = ops.get(p.prefix().get(k).op());
            double x0 = x(rank.getOrDefault(o.call(), 0));
            double x1 = o.isOpen() ? x(end) : x(rank.getOrDefault(o.ret(), end));
            double lp = Math.min(Math.max(last + 3, x0 + 4), x1 - 2);
            lpX[k] = lp;
            lpY[k] = 20 + rows.getOrDefault(o.process(), 0) * ROW + 12;
            last = lp;
        }
        for (int i : shown) {
            Operation o = ops.get(i);
            int y = 20 + rows.get(o.process()) * ROW;
            double x0 = x(rank.get(o.call()));
            double x1 = o.isOpen() ? x(end) : x(rank.get(o.ret()));
            String cls = i == p.blockingOp() ? "op bad" : order.containsKey(i) ? "op lin" : "op";
            if (window.contains(i) && i != p.blockingOp()) {
                cls += " win";
            }
            h.append("<g><rect class=\"").append(cls).append("\" x=\"").append(fmt(x0)).append("\" y=\"").append(y)
                    .append("\" width=\"").append(fmt(Math.max(6, x1 - x0))).append("\" height=\"24\" rx=\"3\"")
                    .append(o.isOpen() ? " stroke-dasharray=\"4 2\"" : "").append("><title>")
                    .append(esc(tooltip(p, i, order, steps))).append("</title></rect>")
                    .append("<text x=\"").append(fmt(x0 + 3)).append("\" y=\"").append(y + 16)
                    .append("\" pointer-events=\"none\">").append(esc(clip(p.descriptions().get(i), x1 - x0)))
                    .append("</text></g>\n");
        }
        if (lpX.length > 0) {
            h.append("<polyline class=\"path\" points=\"");
            for (int k = 0; k < lpX.length; k++) {
                h.append(fmt(lpX[k])).append(',').append(fmt(lpY[k])).append(' ');
            }
            h.append("\"/>\n");
            for (int k = 0; k < lpX.length; k++) {
                h.append("<circle class=\"lp\" cx=\"").append(fmt(lpX[k])).append("\" cy=\"").append(fmt(lpY[k]))
                        .append("\" r=\"3\"><title>").append(k + 1).append(": ")
                        .append(esc(p.prefix().get(k).after())).append("</title></circle>\n");
            }
        }
        h.append("</svg></div>\n");
        table(h, p);
    }

    /** All operations, or for a large partition the window and its neighbourhood. */
    private static List<Integer> shownOps(PartitionExplanation p) {
        List<Integer> all = new ArrayList<>();
        List<Operation> ops = p.operations();
        if (ops.size() <= MAX_OPS || p.blockingOp() < 0) {
            for (int i = 0; i < Math.min(ops.size(), MAX_OPS); i++) {
                all.add(i);
            }
            return all;
        }
        Operation b = ops.get(p.blockingOp());
        List<Long> calls = new ArrayList<>();
        for (Operation o : ops) {
            calls.add(o.call());
        }
        calls.sort(null);
        int at = Math.max(0, calls.indexOf(b.call()));
        long from = calls.get(Math.max(0, at - MAX_OPS / 2));
        long to = calls.get(Math.min(calls.size() - 1, at + MAX_OPS / 4));
        for (int i = 0; i < ops.size(); i++) {
            Operation o = ops.get(i);
            if ((o.call() >= from && o.call() <= to) || p.window().contains(i)) {
                all.add(i);
            }
        }
        return all;
    }

    private static String tooltip(PartitionExplanation p, int i, Map<Integer, Integer> order, Map<Integer, Step> steps) {
        StringBuilder t = new StringBuilder(p.describe(i));
        Step s = steps.get(i);
        if (s != null) {
            t.append("\nlinearized #").append(order.get(i) + 1).append(": ").append(s.before()).append(" -> ")
                    .append(s.after());
        } else if (i == p.blockingOp()) {
            t.append("\ncannot be linearized in state ").append(p.blockingState());
        } else {
            t.append("\nnot in the linearizable prefix");
        }
        return t.toString();
    }

    private static void table(StringBuilder h, PartitionExplanation p) {
        if (p.blockingOp() < 0) {
            return;
        }
        h.append("<p><b>Cannot linearize</b> <code>").append(esc(p.describe(p.blockingOp())))
                .append("</code> after the prefix, in state <code>").append(esc(p.blockingState()))
                .append("</code>. Its concurrent window:</p>\n<table><tr><th>op</th><th>in prefix</th></tr>\n");
        java.util.Set<Integer> inPrefix = new java.util.HashSet<>();
        for (Step s : p.prefix()) {
            inPrefix.add(s.op());
        }
        for (int i : p.window()) {
            h.append("<tr").append(i == p.blockingOp() ? " class=\"bad\"" : "").append("><td>")
                    .append(esc(p.describe(i))).append("</td><td>").append(inPrefix.contains(i) ? "yes" : "no")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static double x(int rank) {
        return LEFT + rank * UNIT;
    }

    private static String clip(String s, double width) {
        int chars = (int) Math.max(0, (width - 6) / 6.6);
        return s.length() <= chars ? s : chars <= 1 ? "" : s.substring(0, chars - 1) + "…";
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
