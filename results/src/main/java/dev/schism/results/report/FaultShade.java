package dev.schism.results.report;

import java.util.List;

/** The fault bands again, as a light shade behind a plot, so latency and throughput line up with the faults. */
final class FaultShade {
    private FaultShade() {
    }

    static void draw(StringBuilder h, List<FaultBand> faults, TimeAxis axis, double top, double bottom) {
        h.append("<g class=\"fault-shades\">");
        for (FaultBand f : faults) {
            h.append("<rect class=\"fault-shade fault-").append(Html.esc(f.family())).append("\" x=\"").append(Html.num(axis.x(f.startNs())))
                    .append("\" y=\"").append(Html.num(top)).append("\" width=\"").append(Html.num(axis.w(f.startNs(), f.endNs(), 2)))
                    .append("\" height=\"").append(Html.num(bottom - top)).append("\"><title>").append(Html.esc(TimelineSvg.tooltip(f)))
                    .append("</title></rect>");
        }
        h.append("</g>\n");
    }
}
