package dev.schism.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 100,000-op history still makes a page of a few MB: the latency plot turns into a density grid. */
class LargeHistoryTest {
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    @TempDir
    Path tmp;

    @Test
    void aHundredThousandOpsMakeAFewMegabytes() throws Exception {
        Path run = tmp.resolve("large");
        SyntheticRun.write(run, 100_000, 1);
        Path file = RunReport.write(run);
        long size = Files.size(file);
        String html = Files.readString(file);
        assertTrue(size < MAX_BYTES, "report is " + size + " bytes");
        assertTrue(html.contains("<g class=\"cells ok\""), "latency as a density grid");
        assertTrue(!html.contains("<g class=\"dots"), "not one dot per call");
        assertEquals(5, RunReportTest.count(RunReportTest.timeline(html), "class=\"node-row\""));
        assertEquals(RunFolders.faultOps(run), RunReportTest.count(RunReportTest.timeline(html), "class=\"fault-band "));
        assertTrue(html.contains("50000 client calls"), "every call is counted");
        int cells = 0;
        for (String outcome : new String[] {"ok", "fail", "info"}) {
            String g = html.substring(html.indexOf("<g class=\"cells " + outcome + "\" data-calls=\""));
            cells += Integer.parseInt(g.substring(g.indexOf("data-calls=\"") + 12, g.indexOf("\">")));
        }
        assertEquals(50_000, cells, "every call lands in a cell, never-completed ones at the run's end");
    }
}
