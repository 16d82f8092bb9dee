package dev.schism.results.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The leadership timeline: one row per node with its role bands (labelled with the epoch), its down and
 * paused spans hatched over them, and the fault bands across every row, each labelled in a lane of its
 * family above the rows. Optional marks put ops on the row of the node that took them.
 */
final class TimelineSvg {
    static final double WIDTH = 1200;
    static final double LEFT = 56;
    private static final double ROW = 24;
    private static final double LANE = 14;
    private static final List<String> LANES = List.of("partition", "kill", "pause", "latency", "clock");

    private TimelineSvg() {
    }

    static TimeAxis axis(long fromNs, long toNs) {
        return new TimeAxis(fromNs, toNs, LEFT, WIDTH - LEFT - 10);
    }

    static void render(StringBuilder h, String id, List<String> nodes, Map<String, List<RoleBand>> roles, List<Outage> outages,
                       List<FaultBand> faults, TimeAxis axis, List<Mark> marks) {
        List<String> lanes = new ArrayList<>();
        for (FaultBand f : faults) {
            if (!lanes.contains(lane(f))) {
                lanes.add(lane(f));
            }
        }
        lanes.sort((a, b) -> Integer.compare(order(a), order(b)));
        double top = lanes.size() * LANE + 4;
        double rowsEnd = top + nodes.size() * ROW;
        double height = rowsEnd + 20;
        h.append("<svg id=\"").append(id).append("\" class=\"plot timeline\" viewBox=\"0 0 ").append(Html.num(WIDTH)).append(' ')
                .append(Html.num(height)).append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"leadership timeline\">\n");
        for (FaultBand f : faults) {
            double x = axis.x(f.startNs());
            double y = lanes.indexOf(lane(f)) * LANE;
            double w = axis.w(f.startNs(), f.endNs(), 2);
            h.append("<g class=\"fault\"><rect class=\"fault-band fault-").append(Html.esc(f.family())).append("\" data-seq=\"")
                    .append(f.seq()).append("\" x=\"").append(Html.num(x)).append("\" y=\"").append(Html.num(y)).append("\" width=\"")
                    .append(Html.num(w)).append("\" height=\"").append(Html.num(rowsEnd - y)).append("\"><title>")
                    .append(Html.esc(tooltip(f))).append("</title></rect>");
            if (w > 40) {
                h.append("<text class=\"fault-label\" x=\"").append(Html.num(x + 2)).append("\" y=\"").append(Html.num(y + 11))
                        .append("\">").append(Html.esc(clip(f.label(), w))).append("</text>");
            }
            h.append("</g>\n");
        }
        for (int i = 0; i < nodes.size(); i++) {
            String node = nodes.get(i);
            double y = top + i * ROW;
            h.append("<g class=\"node-row\" data-node=\"").append(Html.esc(node)).append("\"><text class=\"node-name\" x=\"4\" y=\"")
                    .append(Html.num(y + 16)).append("\">").append(Html.esc(node)).append("</text>");
            for (RoleBand b : roles.getOrDefault(node, List.of())) {
                if (b.endNs() < axis.fromNs() || b.startNs() > axis.toNs()) {
                    continue;
                }
                role(h, b, axis, y);
            }
            for (Outage o : outages) {
                if (o.node().equals(node) && o.endNs() >= axis.fromNs() && o.startNs() <= axis.toNs()) {
                    h.append("<rect class=\"outage outage-").append(o.kind()).append("\" x=\"").append(Html.num(axis.x(o.startNs())))
                            .append("\" y=\"").append(Html.num(y + 2)).append("\" width=\"").append(Html.num(axis.w(o.startNs(), o.endNs(), 2)))
                            .append("\" height=\"").append(Html.num(ROW - 4)).append("\"><title>").append(Html.esc(o.toString()))
                            .append("</title></rect>");
                }
            }
            h.append("</g>\n");
        }
        for (Mark m : marks) {
            if (m.node().equals(Mark.ALL)) {
                double x = axis.x(m.ns());
                h.append("<a href=\"#failing-window\"><line class=\"alarm\" x1=\"").append(Html.num(x)).append("\" x2=\"").append(Html.num(x))
                        .append("\" y1=\"0\" y2=\"").append(Html.num(rowsEnd)).append("\"><title>").append(Html.esc(m.title()))
                        .append("</title></line></a>\n");
                continue;
            }
            int row = nodes.indexOf(m.node());
            if (row < 0) {
                continue;
            }
            double x = axis.x(m.ns());
            double y = top + row * ROW;
            h.append("<a href=\"#op-").append(m.opIndex()).append("\"><rect class=\"mark ").append(m.cssClass()).append("\" x=\"")
                    .append(Html.num(x - 1.5)).append("\" y=\"").append(Html.num(y + 1)).append("\" width=\"3\" height=\"")
                    .append(Html.num(ROW - 2)).append("\"><title>").append(Html.esc(m.title())).append("</title></rect></a>\n");
        }
        axis.draw(h, top, rowsEnd);
        h.append("</svg>\n");
    }

    private static void role(StringBuilder h, RoleBand b, TimeAxis axis, double y) {
        double x = axis.x(b.startNs());
        double w = axis.w(b.startNs(), b.endNs(), 0.5);
        h.append("<rect class=\"role role-").append(b.role()).append("\" x=\"").append(Html.num(x)).append("\" y=\"")
                .append(Html.num(y + 3)).append("\" width=\"").append(Html.num(w)).append("\" height=\"").append(Html.num(ROW - 6))
                .append("\"><title>").append(Html.esc(b.toString())).append("</title></rect>");
        String text = w > 60 ? b.label() : w > 22 && b.epoch() >= 0 ? "e" + b.epoch() : null;
        if (text != null) {
            h.append("<text class=\"role-label\" x=\"").append(Html.num(x + 3)).append("\" y=\"").append(Html.num(y + 16))
                    .append("\">").append(Html.esc(clip(text, w))).append("</text>");
        }
    }

    private static String lane(FaultBand f) {
        return LANES.contains(f.family()) ? f.family() : "other";
    }

    private static int order(String lane) {
        int i = LANES.indexOf(lane);
        return i < 0 ? LANES.size() : i;
    }

    static String tooltip(FaultBand f) {
        return "fault #" + f.seq() + ": " + f.label() + (f.hit().isEmpty() ? "" : "\nhit: " + String.join(" ", f.hit()))
                + (f.detail().isEmpty() ? "" : "\ncut: " + f.detail()) + "\n" + Html.seconds(f.startNs()) + " .. " + Html.seconds(f.endNs())
                + (f.error() == null ? "" : "\nerror: " + f.error());
    }

    /** Text cut to what fits {@code width} pixels at the label font. */
    static String clip(String s, double width) {
        int chars = (int) Math.max(0, (width - 4) / 6.2);
        return s.length() <= chars ? s : chars <= 1 ? "" : s.substring(0, chars - 1) + "…";
    }
}
