package dev.schism.results.report;

import dev.schism.results.history.OpType;
import java.util.List;

/** Completed calls per second by outcome, as step lines over the fault shades; wide runs use wider buckets. */
final class ThroughputSvg {
    private static final double HEIGHT = 200;
    private static final double TOP = 10;
    private static final double BOTTOM = 170;
    private static final int MAX_BUCKETS = 600;
    private static final OpType[] OUTCOMES = {OpType.OK, OpType.FAIL, OpType.INFO};

    private ThroughputSvg() {
    }

    static void render(StringBuilder h, List<Call> calls, List<FaultBand> faults, TimeAxis axis) {
        long span = axis.toNs() - axis.fromNs();
        long bucket = Math.max(1, (span / 1_000_000_000L + MAX_BUCKETS - 1) / MAX_BUCKETS) * 1_000_000_000L;
        int n = (int) (span / bucket) + 1;
        int[][] counts = new int[OUTCOMES.length][n];
        for (Call c : calls) {
            if (c.completion() == null) {
                continue;
            }
            int b = (int) ((c.completion().time() - axis.fromNs()) / bucket);
            if (b >= 0 && b < n) {
                counts[c.outcome().ordinal() - 1][b]++;
            }
        }
        double perSec = 1e9 / bucket;
        double max = 1;
        for (int[] row : counts) {
            for (int v : row) {
                max = Math.max(max, v * perSec);
            }
        }
        double top = niceCeiling(max);
        h.append("<svg id=\"throughput\" class=\"plot\" viewBox=\"0 0 ").append(Html.num(TimelineSvg.WIDTH)).append(' ').append(Html.num(HEIGHT))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"throughput\">\n");
        FaultShade.draw(h, faults, axis, TOP, BOTTOM);
        for (int i = 0; i <= 4; i++) {
            double v = top * i / 4;
            double y = BOTTOM - (BOTTOM - TOP) * i / 4;
            h.append("<line class=\"grid\" x1=\"").append(Html.num(axis.x0())).append("\" x2=\"").append(Html.num(axis.x0() + axis.width()))
                    .append("\" y1=\"").append(Html.num(y)).append("\" y2=\"").append(Html.num(y)).append("\"/><text x=\"")
                    .append(Html.num(axis.x0() - 4)).append("\" y=\"").append(Html.num(y + 4)).append("\" text-anchor=\"end\">")
                    .append(Html.num(v)).append("/s</text>\n");
        }
        for (int k = 0; k < OUTCOMES.length; k++) {
            h.append("<polyline class=\"rate ").append(OUTCOMES[k].wire()).append("\" points=\"");
            for (int b = 0; b < n; b++) {
                double y = BOTTOM - (BOTTOM - TOP) * Math.min(1, counts[k][b] * perSec / top);
                long t0 = axis.fromNs() + b * bucket;
                h.append(Html.num(axis.x(t0))).append(',').append(Html.num(y)).append(' ')
                        .append(Html.num(axis.x(t0 + bucket))).append(',').append(Html.num(y)).append(' ');
            }
            h.append("\"/>\n");
        }
        axis.draw(h, TOP, BOTTOM);
        h.append("<text x=\"").append(Html.num(axis.x0())).append("\" y=\"").append(Html.num(HEIGHT - 2)).append("\">completed calls per ")
                .append(bucket / 1_000_000_000L).append(" s bucket</text>\n</svg>\n");
    }

    private static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
