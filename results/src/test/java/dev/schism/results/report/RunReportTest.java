package dev.schism.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html of real run folders (committed, trimmed): what a reader must find on the page. */
class RunReportTest {
    @TempDir
    Path tmp;

    static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The timeline svg alone, so counts do not include the zoomed failing-window timelines. */
    static String timeline(String html) {
        int from = html.indexOf("<svg id=\"timeline\"");
        return html.substring(from, html.indexOf("</svg>", from));
    }

    @Test
    void theSplitBrainIsShownWithBothLeadersAndTheirWrites() throws Exception {
        Path run = RunFolders.copy(RunFolders.INVALID, tmp);
        Path file = RunReport.write(run);
        String html = Files.readString(file);
        assertTrue(html.contains("<h1 class=\"verdict INVALID\">"), "verdict in the header");
        assertTrue(html.contains("--inject-bug establish-without-quorum --seed 1</pre>"), "the command that reproduces it");
        assertEquals(5, count(timeline(html), "class=\"node-row\""), "one row per node");
        assertEquals(RunFolders.faultOps(run), count(timeline(html), "class=\"fault-band "), "one band per fault op");
        assertTrue(html.contains("<section id=\"failing-window\">"));
        assertEquals(1, count(timeline(html), "<line class=\"alarm\""), "the split brain is marked on the timeline");
        assertTrue(html.contains("<div class=\"violation\" data-checker=\"election\" data-epoch=\"4\">"), "the violation is marked");
        assertTrue(html.contains("epoch 4 has two leaders, n3 and n4: both established it"), "its text is there");
        assertTrue(html.contains("<svg id=\"window-e4\""), "the epoch's window is drawn");
        assertTrue(count(html, "class=\"mark w-b\"") > 0, "writes through the second leader are drawn");
        assertTrue(html.contains("href=\"nodes/n3/node.log\""), "node logs are linked");
        assertTrue(html.contains("LEADING e4"), "role bands carry the epoch");
        assertLinksLand(html);
        assertSelfContained(html);
    }

    @Test
    void aValidRunHasNoFailingWindowAndShowsKilledNodes() throws Exception {
        Path run = RunFolders.copy(RunFolders.VALID, tmp);
        String html = Files.readString(RunReport.write(run));
        assertTrue(html.contains("<h1 class=\"verdict VALID\">"));
        assertFalse(html.contains("id=\"failing-window\""), "nothing failed");
        assertFalse(html.contains("class=\"alarm\""), "no alarm");
        assertEquals(5, count(timeline(html), "class=\"node-row\""));
        assertEquals(RunFolders.faultOps(run), count(timeline(html), "class=\"fault-band "));
        assertTrue(count(timeline(html), "class=\"outage outage-killed\"") >= 1, "the killed nodes' downtime is drawn");
        assertTrue(html.contains("<svg id=\"latency\"") && html.contains("<g class=\"dots ok\">"), "latency, one dot per call");
        assertTrue(html.contains("<svg id=\"throughput\""));
        assertLinksLand(html);
        assertSelfContained(html);
    }

    @Test
    void brokenFilesAreNamedAndTheRestIsStillDrawn() throws Exception {
        Path run = RunFolders.copy(RunFolders.VALID, tmp);
        Files.delete(run.resolve("results.json"));
        Files.writeString(run.resolve("faults.jsonl"), Files.readString(run.resolve("faults.jsonl")) + "{not json\n");
        int lines = Files.readAllLines(run.resolve("faults.jsonl")).size();
        String html = Files.readString(RunReport.write(run));
        assertTrue(html.contains("results.json: missing"), "names the missing file");
        assertTrue(html.contains("faults.jsonl:" + lines + ": not a JSON object"), "names the bad line");
        assertTrue(html.contains("<h1 class=\"verdict UNKNOWN\">"), "no results: unknown, not valid");
        assertEquals(5, count(timeline(html), "class=\"node-row\""));
        assertFalse(html.contains("Exception"), "no Java class names for the reader");
    }

    /** Every in-page op link has its target. */
    static void assertLinksLand(String html) {
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"(op-\\d+)\"").matcher(html);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Matcher href = Pattern.compile("href=\"#(op-\\d+)\"").matcher(html);
        int links = 0;
        while (href.find()) {
            links++;
            assertTrue(ids.contains(href.group(1)), "link to " + href.group(1) + " has no target");
        }
        assertTrue(links > 0 || !html.contains("failing-window"), "evidence links to its ops");
    }

    /** Nothing is fetched: no scripts, stylesheets, images or frames from anywhere. */
    static void assertSelfContained(String html) {
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("<link"), "no external stylesheet");
        assertFalse(html.contains(" src="), "no fetched resource");
        assertFalse(Pattern.compile("(href|src)=\"https?:").matcher(html).find(), "no network links");
    }
}
