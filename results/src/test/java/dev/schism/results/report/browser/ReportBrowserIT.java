package dev.schism.results.report.browser;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.schism.results.report.RunFolders;
import dev.schism.results.report.RunReport;
import dev.schism.results.report.SyntheticRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report in a real headless Chromium: the page of an invalid run (the seeded split brain) and of a
 * valid one, each with one timeline row per node, one fault band per fault op, the violation marked and
 * its text present (invalid) or absent (valid), every op link landing, nothing fetched from the network,
 * and no console error. Screenshots go to {@code target/report-screenshots/}; the time to first paint is
 * printed. Skips, saying so loudly, where no Chromium is installed ({@code .ci/run} installs it).
 */
class ReportBrowserIT {
    private static final Path SHOTS = Path.of("target", "report-screenshots");
    private static Chromium chromium;

    @TempDir
    Path tmp;

    @BeforeAll
    static void launch() throws Exception {
        Optional<Path> bin = Chromium.find();
        if (bin.isEmpty()) {
            System.err.println("ReportBrowserIT SKIPPED: no chromium on PATH (apt-get install chromium; .ci/run does)");
        }
        Assumptions.assumeTrue(bin.isPresent(), "no chromium on PATH (apt-get install chromium; .ci/run does)");
        chromium = Chromium.launch(bin.get(), 1400, 1000);
        Cdp p = chromium.page();
        p.call("Page.enable", Map.of());
        p.call("Runtime.enable", Map.of());
        p.call("Log.enable", Map.of());
        p.call("Network.enable", Map.of());
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theInvalidRunShowsTheSplitBrain() throws Exception {
        Path run = RunFolders.copy(RunFolders.INVALID, tmp);
        Cdp p = open(RunReport.write(run));
        assertEquals(5, p.eval("document.querySelectorAll('#timeline .node-row').length").asInt(), "one row per node");
        assertEquals(RunFolders.faultOps(run), p.eval("document.querySelectorAll('#timeline .fault-band').length").asInt(),
                "one band per fault op");
        assertEquals("INVALID", p.eval("document.querySelector('h1.verdict span').textContent").asText());
        assertTrue(p.eval("document.querySelectorAll('#failing-window .violation[data-epoch=\"4\"]').length").asInt() == 1,
                "the violation is marked");
        assertEquals(1, p.eval("document.querySelectorAll('#timeline line.alarm').length").asInt(), "and marked on the timeline");
        assertTrue(p.eval("document.querySelector('#failing-window .violation-text').textContent").asText()
                .contains("epoch 4 has two leaders, n3 and n4"), "its text is present");
        assertTrue(p.eval("document.querySelectorAll('#window-e4 .mark').length").asInt() > 0, "the writes of the epoch are drawn");
        assertTrue(p.eval("document.querySelector('#window-e4').getBoundingClientRect().height").asDouble() > 100,
                "the window is laid out, not collapsed");
        assertCommon(p);
        screenshot(p, "invalid.png");
    }

    @Test
    void theValidRunHasNoViolation() throws Exception {
        Path run = RunFolders.copy(RunFolders.VALID, tmp);
        Cdp p = open(RunReport.write(run));
        assertEquals(5, p.eval("document.querySelectorAll('#timeline .node-row').length").asInt());
        assertEquals(RunFolders.faultOps(run), p.eval("document.querySelectorAll('#timeline .fault-band').length").asInt());
        assertEquals("VALID", p.eval("document.querySelector('h1.verdict span').textContent").asText());
        assertEquals(0, p.eval("document.querySelectorAll('#failing-window, .violation').length").asInt(), "no violation");
        assertTrue(p.eval("document.querySelectorAll('#timeline .outage-killed').length").asInt() >= 1, "killed nodes are drawn");
        assertCommon(p);
        screenshot(p, "valid.png");
    }

    @Test
    void aHundredThousandOpReportOpensAndPaints() throws Exception {
        Path run = tmp.resolve("large");
        SyntheticRun.write(run, 100_000, 1);
        Cdp p = open(RunReport.write(run));
        assertEquals(5, p.eval("document.querySelectorAll('#timeline .node-row').length").asInt());
        assertEquals(RunFolders.faultOps(run), p.eval("document.querySelectorAll('#timeline .fault-band').length").asInt());
        assertCommon(p);
        screenshot(p, "large-100k.png");
    }

    /** Navigates to the file and waits for its load event; prints the paint timings. */
    private static Cdp open(Path file) throws Exception {
        Cdp p = chromium.page();
        p.clearEvents();
        p.call("Page.navigate", Map.of("url", file.toUri().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> p.saw("Page.loadEventFired"));
        await().atMost(Duration.ofSeconds(10)).until(() -> p.eval("performance.getEntriesByType('paint').length").asInt() > 0);
        JsonNode paints = p.eval("JSON.stringify(performance.getEntriesByType('paint').map(e => [e.name, Math.round(e.startTime)]))");
        JsonNode nav = p.eval("Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd)");
        System.out.println("ReportBrowserIT: " + file.getParent().getFileName() + " (" + Files.size(file) / 1024 + " KB): paint ms "
                + paints.asText() + ", load event end " + nav.asText() + " ms");
        return p;
    }

    private static void assertCommon(Cdp p) throws Exception {
        assertTrue(p.eval("[...document.querySelectorAll('a[href^=\"#op-\"]')].every(a => document.getElementById(a.getAttribute('href').slice(1)))")
                .asBoolean(), "every op link lands on a row");
        List<String> fetched = p.events().stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
                .map(e -> e.path("params").path("request").path("url").asText()).filter(u -> !u.startsWith("file:")).toList();
        assertEquals(List.of(), fetched, "nothing is fetched but the file itself");
        assertEquals(List.of(), p.errors(), "no console errors");
        assertFalse(p.eval("document.title").asText().isEmpty());
    }

    private static void screenshot(Cdp p, String name) throws Exception {
        double height = Math.min(3200, p.eval("document.documentElement.scrollHeight").asDouble());
        JsonNode shot = p.call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1400, "height", height, "scale", 1)));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), Base64.getDecoder().decode(shot.path("data").asText()));
    }
}
