package dev.schism.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The top of the report, plain HTML that reads without scripts or images: the verdict and each checker's
 * one-line summary, the seed and the command that reproduces the run, what ran, problems reading the folder,
 * links to the raw files and node logs, and test.json itself.
 */
final class Header {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Header() {
    }

    static Verdict verdict(RunInput in) {
        return in.results().isEmpty() ? Verdict.UNKNOWN : CheckResult.compose(in.results());
    }

    static void render(StringBuilder h, ReportModel m) {
        RunInput in = m.in;
        Verdict v = verdict(in);
        Object name = in.test().getOrDefault("name", in.dir().getFileName());
        h.append("<header><h1 class=\"verdict ").append(v).append("\">").append(Html.esc(name)).append(": <span class=\"")
                .append(v).append("\">").append(v).append("</span></h1>\n<table class=\"checkers\"><tr><th>checker</th><th>verdict</th><th>summary</th></tr>\n");
        for (CheckResult r : in.results()) {
            h.append("<tr><td><a href=\"#checker-").append(Html.esc(r.checker())).append("\">").append(Html.esc(r.checker()))
                    .append("</a></td><td class=\"").append(r.verdict()).append("\">").append(r.verdict()).append("</td><td>")
                    .append(Html.esc(r.summary())).append("</td></tr>\n");
        }
        h.append("</table>\n<dl class=\"facts\"><dt>seed</dt><dd id=\"seed\">").append(Html.esc(in.test().get("seed")))
                .append("</dd><dt>reproduce</dt><dd><pre id=\"reproduce\">").append(Html.esc(Reproduce.command(in.test()))).append("</pre></dd>")
                .append("<dt>started</dt><dd>").append(in.test().get("start-wall-ms") instanceof Number n
                        ? Instant.ofEpochMilli(n.longValue()).toString() : "unknown").append("</dd><dt>length</dt><dd>")
                .append(Html.duration(in.endNs())).append("</dd><dt>nodes</dt><dd>").append(Html.esc(String.join(" ", in.nodes())))
                .append("</dd><dt>nemesis</dt><dd>").append(Html.esc(in.test().get("nemesis"))).append(", ").append(m.faults.size())
                .append(" fault ops</dd><dt>ops</dt><dd>").append(counts(m)).append("</dd><dt>run folder</dt><dd><code>")
                .append(Html.esc(in.dir())).append("</code></dd></dl>\n");
        if (!in.problems().isEmpty()) {
            h.append("<div class=\"problems\"><b>Problems reading the run folder</b><ul>");
            in.problems().forEach(p -> h.append("<li>").append(Html.esc(p)).append("</li>"));
            h.append("</ul></div>\n");
        }
        files(h, in);
        h.append("<details><summary>test.json</summary><pre>").append(Html.esc(json(in.test()))).append("</pre></details></header>\n");
    }

    private static String counts(ReportModel m) {
        Map<OpType, Integer> c = new EnumMap<>(OpType.class);
        m.calls.forEach(call -> c.merge(call.outcome(), 1, Integer::sum));
        return m.calls.size() + " client calls: " + c.getOrDefault(OpType.OK, 0) + " ok, " + c.getOrDefault(OpType.FAIL, 0)
                + " fail, " + c.getOrDefault(OpType.INFO, 0) + " info; " + m.in.ops().size() + " history records";
    }

    private static void files(StringBuilder h, RunInput in) {
        h.append("<nav class=\"files\"><b>Files:</b>");
        for (String f : new String[] {"test.json", "history.jsonl", "faults.jsonl", "events.jsonl", "results.json", "history.edn"}) {
            if (java.nio.file.Files.exists(in.dir().resolve(f))) {
                h.append(" <a href=\"").append(f).append("\">").append(f).append("</a>");
            }
        }
        h.append(" &middot; <b>node logs:</b>");
        for (String n : RunInput.nodeDirs(in.dir())) {
            h.append(" <a class=\"node-log\" href=\"nodes/").append(Html.esc(n)).append("/node.log\">").append(Html.esc(n)).append("</a>");
        }
        h.append("</nav>\n");
    }

    private static String json(Object o) {
        try {
            return PRETTY.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }
}
