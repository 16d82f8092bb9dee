package dev.schism.results.report;

import java.util.ArrayList;
import java.util.List;

/** Maps run time (ns) onto an SVG x range, and picks round tick marks for it. */
record TimeAxis(long fromNs, long toNs, double x0, double width) {
    private static final long[] STEPS_MS = {100, 200, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000,
        300_000, 600_000, 1_800_000, 3_600_000};

    TimeAxis {
        if (toNs <= fromNs) {
            toNs = fromNs + 1_000_000_000L;
        }
    }

    double x(long ns) {
        long t = Math.max(fromNs, Math.min(toNs, ns));
        return x0 + (t - fromNs) * width / (double) (toNs - fromNs);
    }

    /** Width of a span, at least {@code min} pixels so that a short fault stays visible. */
    double w(long startNs, long endNs, double min) {
        return Math.max(min, x(endNs) - x(startNs));
    }

    /** About ten round ticks within the axis, in ns. */
    List<Long> ticks() {
        long spanMs = (toNs - fromNs) / 1_000_000L;
        long step = STEPS_MS[STEPS_MS.length - 1];
        for (long s : STEPS_MS) {
            if (spanMs / s <= 12) {
                step = s;
                break;
            }
        }
        long stepNs = step * 1_000_000L;
        List<Long> out = new ArrayList<>();
        for (long t = Math.floorDiv(fromNs + stepNs - 1, stepNs) * stepNs; t <= toNs; t += stepNs) {
            out.add(t);
        }
        return out;
    }

    /** The x axis line with tick labels in seconds, at height {@code y}, ticks reaching up to {@code top}. */
    void draw(StringBuilder h, double top, double y) {
        h.append("<g class=\"axis\"><line x1=\"").append(Html.num(x0)).append("\" x2=\"").append(Html.num(x0 + width))
                .append("\" y1=\"").append(Html.num(y)).append("\" y2=\"").append(Html.num(y)).append("\"/>");
        for (long t : ticks()) {
            double x = x(t);
            h.append("<line class=\"grid\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x)).append("\" y1=\"")
                    .append(Html.num(top)).append("\" y2=\"").append(Html.num(y)).append("\"/><text x=\"").append(Html.num(x))
                    .append("\" y=\"").append(Html.num(y + 13)).append("\" text-anchor=\"middle\">").append(label(t)).append("</text>");
        }
        h.append("</g>\n");
    }

    private static String label(long ns) {
        double s = ns / 1e9;
        return s == Math.rint(s) ? (long) s + "s" : String.format(java.util.Locale.ROOT, "%.1fs", s);
    }
}
