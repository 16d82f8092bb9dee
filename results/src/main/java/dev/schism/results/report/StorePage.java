package dev.schism.results.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The index of a run store: every run folder ({@code <store>/<test>/<run>/}), newest first, with its
 * verdict in colour, workload, nemeses, seed and length, and links to its report and raw files.
 */
public final class StorePage {
    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:20px 28px;color:#1f2328}"
            + "h1{font-size:20px}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:3px 10px;text-align:left}"
            + "th{background:#f6f8fa}.VALID{color:#1a7f37;font-weight:600}.INVALID{color:#cf222e;font-weight:600}"
            + ".UNKNOWN,.UNCHECKED{color:#9a6700;font-weight:600}td a{margin-right:6px}";

    private StorePage() {
    }

    /** Every run folder of the store, newest first (run folder names are their UTC start times). */
    public static List<StoreRun> runs(Path root) throws IOException {
        List<StoreRun> out = new ArrayList<>();
        try (DirectoryStream<Path> tests = Files.newDirectoryStream(root, p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))) {
            for (Path test : tests) {
                try (DirectoryStream<Path> runs = Files.newDirectoryStream(test, p -> Files.isDirectory(p) && !Files.isSymbolicLink(p))) {
                    for (Path run : runs) {
                        if (Files.isRegularFile(run.resolve("history.jsonl")) || Files.isRegularFile(run.resolve("test.json"))) {
                            out.add(StoreRun.read(root, run));
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparing((StoreRun r) -> r.path().substring(r.path().lastIndexOf('/') + 1)).reversed()
                .thenComparing(StoreRun::path));
        return out;
    }

    public static String render(Path root) throws IOException {
        List<StoreRun> runs = runs(root);
        StringBuilder h = new StringBuilder(4096 + runs.size() * 600);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Schism runs</title><style>").append(CSS)
                .append("</style></head><body>\n<h1>Schism runs in <code>").append(Html.esc(root)).append("</code></h1>\n");
        if (runs.isEmpty()) {
            h.append("<p>No run folders yet. <code>./schism run --workload election</code> makes one.</p>\n</body></html>\n");
            return h.toString();
        }
        h.append("<table id=\"runs\"><tr><th>run</th><th>verdict</th><th>workload</th><th>nemesis</th><th>seed</th><th>length</th><th>files</th></tr>\n");
        for (StoreRun r : runs) {
            String base = "/" + r.path() + "/";
            h.append("<tr class=\"run\" data-verdict=\"").append(Html.esc(r.verdict())).append("\"><td><a href=\"").append(Html.esc(base))
                    .append(RunReport.FILE).append("\">").append(Html.esc(r.path())).append("</a></td><td class=\"").append(Html.esc(r.verdict()))
                    .append("\">").append(Html.esc(r.verdict())).append("</td><td>").append(Html.esc(r.workload())).append("</td><td>")
                    .append(Html.esc(r.nemesis())).append("</td><td>").append(Html.esc(r.seed())).append("</td><td>")
                    .append(r.durationNs() < 0 ? "" : Html.duration(r.durationNs())).append("</td><td>");
            for (String f : new String[] {"test.json", "history.jsonl", "faults.jsonl", "events.jsonl", "results.json", "nodes/"}) {
                h.append("<a href=\"").append(Html.esc(base)).append(f).append("\">").append(f).append("</a>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n</body></html>\n");
        return h.toString();
    }
}
