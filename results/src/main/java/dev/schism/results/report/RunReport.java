package dev.schism.results.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes {@code report.html} into a run folder, drawn from that folder's files only. */
public final class RunReport {
    /** The report's file name inside a run folder. */
    public static final String FILE = "report.html";

    private RunReport() {
    }

    /** The report of the run folder {@code dir} as HTML text. */
    public static String render(Path dir) throws IOException {
        RunInput in = RunInput.load(dir);
        try {
            return ReportPage.render(in);
        } catch (RuntimeException e) {
            // A drawing bug must not cost the run its verdict: the page then says so and links the raw files.
            return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>report failed</title></head><body>"
                    + "<h1>The report of this run could not be drawn</h1><p>" + Html.esc(e.getMessage()) + "</p><p>"
                    + "<a href=\"results.json\">results.json</a> <a href=\"history.jsonl\">history.jsonl</a> "
                    + "<a href=\"faults.jsonl\">faults.jsonl</a> <a href=\"events.jsonl\">events.jsonl</a> "
                    + "<a href=\"test.json\">test.json</a></p></body></html>\n";
        }
    }

    /** Writes {@code dir/report.html} (via a temp file, so a browser never sees half a page) and returns its path. */
    public static Path write(Path dir) throws IOException {
        String html = render(dir);
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, html, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
