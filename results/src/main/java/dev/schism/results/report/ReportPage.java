package dev.schism.results.report;

import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.List;
import java.util.Map;

/** Lays out the report's sections into one HTML document with its own stylesheet and no script. */
final class ReportPage {
    private static final int MAX_VIOLATIONS = 5;
    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:20px 28px;color:#1f2328;max-width:1400px}"
            + "h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #d0d7de}h3{font-size:15px;margin:14px 0 4px}"
            + ".VALID{color:#1a7f37}.INVALID{color:#cf222e}.UNKNOWN{color:#9a6700}"
            + "table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #d0d7de;padding:2px 8px;text-align:left;vertical-align:top;font-size:13px}"
            + "th{background:#f6f8fa}pre{background:#f6f8fa;padding:6px 8px;overflow-x:auto;margin:2px 0;white-space:pre-wrap}"
            + "dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}dl.facts dt{font-weight:600}dl.facts dd{margin:0}"
            + "dl.evidence{margin:0 0 0 4px;display:grid;grid-template-columns:max-content 1fr;gap:0 10px}dl.evidence dt{color:#57606a}"
            + "dl.evidence dd{margin:0}ol.evidence{margin:0;padding-left:28px}.more{color:#57606a;margin:2px 0}"
            + ".problems{background:#fff8c5;border:1px solid #d4a72c;padding:6px 10px;margin:8px 0}"
            + ".violation{border-left:4px solid #cf222e;padding:2px 12px;margin:10px 0;background:#fff5f5}"
            + ".violation-text{font-weight:600}svg.plot{width:100%;height:auto;display:block;margin:4px 0}"
            + "svg text{font:11px system-ui,sans-serif;fill:#1f2328}.axis line{stroke:#57606a}line.grid{stroke:#eaeef2}"
            + ".role-LEADING{fill:#2da44e}.role-FOLLOWING{fill:#9ecbff}.role-OBSERVING{fill:#d8b9ff}.role-LOOKING{fill:#e6e6e6}"
            + ".role-label{font-size:10px}.node-name{font-weight:600}"
            + ".outage{stroke:#24292f;stroke-width:.5}.outage-killed{fill:#24292f;fill-opacity:.55}.outage-paused{fill:#8250df;fill-opacity:.45}"
            + ".fault-band{fill-opacity:.16;stroke-opacity:.6;stroke-width:.6}rect.fault-shade{fill-opacity:.12;stroke:none}"
            + ".fault-partition{fill:#fb8f44;stroke:#bc4c00}.fault-kill{fill:#cf222e;stroke:#a40e26}.fault-pause{fill:#8250df;stroke:#6639ba}"
            + ".fault-latency{fill:#1b7c83;stroke:#136061}.fault-clock{fill:#9a6700;stroke:#7d4e00}.fault-label{font-size:10px}"
            + ".dots.ok,.cells.ok{fill:#0969da}.dots.fail,.cells.fail{fill:#cf222e}.dots.info,.cells.info{fill:#d4a72c}.dots circle{fill-opacity:.6}"
            + "polyline.rate{fill:none;stroke-width:1.5}polyline.ok{stroke:#0969da}polyline.fail{stroke:#cf222e}polyline.info{stroke:#d4a72c}"
            + ".key-ok{color:#0969da}.key-fail{color:#cf222e}.key-info{color:#b08800}"
            + ".mark.w-a{fill:#0550ae}.mark.w-b{fill:#cf222e}.mark.w-other{fill:#6e7781}.w-a-key{color:#0550ae;font-weight:600}"
            + ".w-b-key{color:#cf222e;font-weight:600}.w-other-key{color:#6e7781}.lost-tick{fill:#cf222e}line.alarm{stroke:#cf222e;stroke-width:2.5}"
            + "rect.box{fill:#d0d7de;stroke:#8c959f}rect.box.bad{fill:#ffcecb;stroke:#cf222e;stroke-width:2}"
            + "table.ops tr:target,table.ops tr:has(span:target){background:#fff8c5}tr.fail td{color:#cf222e}tr.info td{color:#9a6700}"
            + "nav.files a{margin-right:4px}div.scroll{max-height:440px;overflow:auto;margin:6px 0}";

    private ReportPage() {
    }

    static String render(RunInput in) {
        ReportModel m = new ReportModel(in);
        StringBuilder h = new StringBuilder(64 * 1024 + in.ops().size() * 8);
        Verdict v = Header.verdict(in);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
                .append("<title>").append(Html.esc(in.test().getOrDefault("name", "run"))).append(' ').append(v)
                .append("</title>\n<style>").append(CSS).append("</style></head><body>\n");
        Header.render(h, m);
        failingWindow(h, m);
        h.append("<section id=\"leadership\"><h2>Leadership</h2><p>One row per node: ")
                .append("<span style=\"color:#2da44e\">LEADING</span>, <span style=\"color:#4a90d9\">FOLLOWING</span>, ")
                .append("LOOKING in grey, with the epoch; dark spans: node killed, purple: paused. Bands across all rows: ")
                .append("the faults (hover for what was cut or killed).</p>\n");
        TimelineSvg.render(h, "timeline", in.nodes(), m.roles, m.outages, m.faults, m.axis, alarms(m));
        h.append("</section>\n<section id=\"latency-section\"><h2>Latency</h2><p>Each call's latency at the time it was invoked (log scale): ")
                .append("<span class=\"key-ok\">ok</span>, <span class=\"key-fail\">fail</span>, <span class=\"key-info\">info</span> (calls that never returned on the top edge)")
                .append(m.calls.size() > LatencySvg.POINTS ? "; " + m.calls.size() + " calls, so drawn as a density grid (darker cells hold more calls)" : "")
                .append(".</p>\n");
        LatencySvg.render(h, m.calls, m.faults, m.axis, in.endNs());
        h.append("</section>\n<section id=\"throughput-section\"><h2>Throughput</h2>\n");
        ThroughputSvg.render(h, m.calls, m.faults, m.axis);
        h.append("</section>\n");
        for (CheckResult r : in.results()) {
            h.append("<section id=\"checker-").append(Html.esc(r.checker())).append("\"><h2>").append(Html.esc(r.checker()))
                    .append(": <span class=\"").append(r.verdict()).append("\">").append(r.verdict()).append("</span></h2><p>")
                    .append(Html.esc(r.summary())).append("</p>\n");
            EvidenceHtml.render(h, r.details(), m);
            h.append("</section>\n");
        }
        OpTable.render(h, m);
        h.append("<footer><p>Written by Schism from the files of this run folder.</p></footer>\n</body></html>\n");
        return h.toString();
    }

    /** A red line across the timeline where each election violation happened: when the second leader established the epoch. */
    private static List<Mark> alarms(ReportModel m) {
        List<Mark> out = new java.util.ArrayList<>();
        m.in.result("election").ifPresent(r -> {
            if (r.details().get("violations") instanceof List<?> vs) {
                for (Object v : vs) {
                    if (v instanceof Map<?, ?> vm && vm.get("epoch") instanceof Number e) {
                        long at = -1;
                        for (dev.schism.results.events.RoleEvent ev : m.in.events()) {
                            if (ev.isLeading() && ev.epoch() == e.longValue() && Faults.strings(vm.get("leaders")).contains(ev.nodeName())) {
                                at = Math.max(at, m.in.eventNs(ev));
                            }
                        }
                        if (at >= 0) {
                            out.add(new Mark(Mark.ALL, at, "alarm", String.valueOf(vm.get("description")), -1));
                        }
                    }
                }
            }
        });
        return out;
    }

    /** The violations, each drawn its own way: split brains, lost elements, linearizability windows, else the summary. */
    private static void failingWindow(StringBuilder h, ReportModel m) {
        StringBuilder s = new StringBuilder();
        for (CheckResult r : m.in.results()) {
            Map<String, Object> d = r.details();
            boolean drawn = false;
            if (d.get("violations") instanceof List<?> vs && r.checker().equals("election")) {
                int n = 0;
                for (Object v : vs) {
                    if (v instanceof Map<?, ?> vm && String.valueOf(vm.get("kind")).startsWith("two-leaders") && n++ < MAX_VIOLATIONS) {
                        ElectionWindow.render(s, m, vm);
                        drawn = true;
                    }
                }
            }
            for (String what : List.of("lost", "vanished")) {
                if (d.get(what) instanceof List<?> lost && !lost.isEmpty()) {
                    LostSection.render(s, m, r.checker(), what, lost, d.get(what + "-count"));
                    drawn = true;
                }
            }
            if (d.get("window") instanceof List<?> w && !w.isEmpty()) {
                LinearWindow.render(s, m, r.checker(), d, r.summary());
                drawn = true;
            }
            if (!drawn && r.verdict() == Verdict.INVALID) {
                s.append("<div class=\"violation\" data-checker=\"").append(Html.esc(r.checker())).append("\"><h3>")
                        .append(Html.esc(r.checker())).append("</h3><p class=\"violation-text\">").append(Html.esc(r.summary()))
                        .append("</p><p>Its evidence: <a href=\"#checker-").append(Html.esc(r.checker())).append("\">below</a>.</p></div>\n");
            }
        }
        if (s.length() > 0) {
            h.append("<section id=\"failing-window\"><h2>Failing window</h2>\n").append(s).append("</section>\n");
        }
    }
}
