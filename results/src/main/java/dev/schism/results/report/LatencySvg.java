package dev.schism.results.report;

import dev.schism.results.history.OpType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each call's latency against the time it was invoked, on a log scale, ok / fail / info in their own
 * colours, over the fault shades. Up to {@link #POINTS} calls are drawn one dot each (with a tooltip);
 * calls that never returned sit on the top edge; beyond that the plot is a density grid of small cells per outcome, so a 100,000-op run stays a small page.
 */
final class LatencySvg {
    static final int POINTS = 5000;
    private static final double HEIGHT = 300;
    private static final double TOP = 10;
    private static final double BOTTOM = 270;
    private static final double CELL_W = 4;
    private static final double CELL_H = 5;
    private static final OpType[] OUTCOMES = {OpType.OK, OpType.FAIL, OpType.INFO};

    private LatencySvg() {
    }

    static void render(StringBuilder h, List<Call> calls, List<FaultBand> faults, TimeAxis axis, long runEnd) {
        double minMs = Double.MAX_VALUE;
        double maxMs = 1;
        for (Call c : calls) {
            if (c.completion() == null) {
                continue; // drawn at the top edge: a call that never returned must not stretch the scale to the run's length
            }
            double ms = Math.max(0.1, c.latency(runEnd) / 1e6);
            minMs = Math.min(minMs, ms);
            maxMs = Math.max(maxMs, ms);
        }
        minMs = Math.min(minMs, maxMs);
        double lo = Math.pow(10, Math.floor(Math.log10(minMs)));
        double hi = Math.pow(10, Math.ceil(Math.log10(maxMs * 1.01)));
        LogScale y = new LogScale(lo, hi);
        h.append("<svg id=\"latency\" class=\"plot\" viewBox=\"0 0 ").append(Html.num(TimelineSvg.WIDTH)).append(' ').append(Html.num(HEIGHT))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"latency\">\n");
        FaultShade.draw(h, faults, axis, TOP, BOTTOM);
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            double yy = y.y(d);
            h.append("<line class=\"grid\" x1=\"").append(Html.num(axis.x0())).append("\" x2=\"").append(Html.num(axis.x0() + axis.width()))
                    .append("\" y1=\"").append(Html.num(yy)).append("\" y2=\"").append(Html.num(yy)).append("\"/><text x=\"")
                    .append(Html.num(axis.x0() - 4)).append("\" y=\"").append(Html.num(yy + 4)).append("\" text-anchor=\"end\">")
                    .append(msLabel(d)).append("</text>\n");
        }
        if (calls.size() <= POINTS) {
            dots(h, calls, axis, y, runEnd);
        } else {
            grid(h, calls, axis, y, runEnd);
        }
        axis.draw(h, TOP, BOTTOM);
        h.append("</svg>\n");
    }

    private static void dots(StringBuilder h, List<Call> calls, TimeAxis axis, LogScale y, long runEnd) {
        for (OpType t : OUTCOMES) {
            h.append("<g class=\"dots ").append(t.wire()).append("\">");
            for (Call c : calls) {
                if (c.outcome() != t) {
                    continue;
                }
                h.append("<circle cx=\"").append(Html.num(axis.x(c.start()))).append("\" cy=\"")
                        .append(Html.num(y.y(Math.max(0.1, c.latency(runEnd) / 1e6)))).append("\" r=\"2\"><title>")
                        .append(Html.esc(c.toString())).append("</title></circle>");
            }
            h.append("</g>\n");
        }
    }

    /** Counts per (column, row) cell and outcome; each non-empty cell is one rect, darker for more calls. */
    private static void grid(StringBuilder h, List<Call> calls, TimeAxis axis, LogScale y, long runEnd) {
        for (OpType t : OUTCOMES) {
            Map<Long, Integer> cells = new HashMap<>();
            int max = 1;
            for (Call c : calls) {
                if (c.outcome() != t) {
                    continue;
                }
                long col = (long) ((axis.x(c.start()) - axis.x0()) / CELL_W);
                long row = (long) ((y.y(Math.max(0.1, c.latency(runEnd) / 1e6)) - TOP) / CELL_H);
                max = Math.max(max, cells.merge(col << 20 | row, 1, Integer::sum));
            }
            h.append("<g class=\"cells ").append(t.wire()).append("\" data-calls=\"").append(cells.values().stream().mapToInt(i -> i).sum())
                    .append("\">");
            double logMax = Math.log(max + 1);
            for (Map.Entry<Long, Integer> e : cells.entrySet()) {
                long col = e.getKey() >>> 20;
                long row = e.getKey() & 0xFFFFF;
                double opacity = 0.25 + 0.75 * Math.log(e.getValue() + 1) / logMax;
                h.append("<rect x=\"").append(Html.num(axis.x0() + col * CELL_W)).append("\" y=\"").append(Html.num(TOP + row * CELL_H))
                        .append("\" width=\"4\" height=\"5\" fill-opacity=\"").append(String.format(Locale.ROOT, "%.2f", opacity))
                        .append("\"><title>").append(e.getValue()).append(' ').append(t.wire()).append("</title></rect>");
            }
            h.append("</g>\n");
        }
    }

    private static String msLabel(double ms) {
        return ms >= 1000 ? Html.num(ms / 1000) + "s" : ms >= 1 ? Html.num(ms) + "ms" : Html.num(ms * 1000) + "µs";
    }

    /** Latency (ms) to y, logarithmic, high latencies at the top. */
    private record LogScale(double lo, double hi) {
        double y(double ms) {
            double f = (Math.log10(ms) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            return BOTTOM - Math.max(0, Math.min(1, f)) * (BOTTOM - TOP);
        }
    }
}
