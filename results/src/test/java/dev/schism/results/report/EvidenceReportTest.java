package dev.schism.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.ResultsJson;
import dev.schism.results.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence of checkers other than election, as results.json would carry it: lost set elements, a
 * non-linearizable window, and evidence of a shape the report knows nothing about. Each must be shown
 * and lead to its ops.
 */
class EvidenceReportTest {
    @TempDir
    Path tmp;

    @Test
    void lostElementsWindowsAndUnknownEvidenceAreShownAndLinked() throws Exception {
        Path run = RunFolders.copy(RunFolders.VALID, tmp);
        List<Op> oks = HistoryReader.read(run.resolve("history.jsonl")).ops().stream()
                .filter(o -> !o.isNemesis() && o.type() == OpType.OK).toList();
        List<Map<String, Object>> lost = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Op add = oks.get(100 + i * 50);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("element", 9000 + i);
            e.put("index", add.index());
            e.put("time", add.time());
            e.put("node", add.node());
            e.put("zxid", "0x10000000" + i);
            e.put("ok-time", add.time() + 5_000_000L);
            e.put("missing-in", "final read of n2");
            e.put("missing-index", oks.get(400).index());
            lost.add(e);
        }
        Op blocking = oks.get(300);
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("op", blocking.index());
        window.put("window", List.of(oks.get(298).index(), oks.get(299).index(), blocking.index(), oks.get(301).index()));
        Map<String, Object> latch = Map.of("overlaps", List.of(Map.of("holders", List.of("p1", "p2"), "from-op", oks.get(10).index())));
        ResultsJson.write(run.resolve("results.json"), List.of(
                new CheckResult("set", Verdict.INVALID, "7 acknowledged adds are missing from the final read",
                        Map.of("lost-count", 7, "lost", lost)),
                new CheckResult("register", Verdict.INVALID, "not linearizable: read 7 after write 9", window),
                new CheckResult("latch", Verdict.INVALID, "p1 and p2 held the latch at once", latch)));
        String html = Files.readString(RunReport.write(run));

        assertTrue(html.contains("<div class=\"violation\" data-checker=\"set\"><h3>7 lost elements, 3 listed (set)</h3>"));
        assertEquals(3, RunReportTest.count(html, "class=\"lost-tick\""), "each lost element on the time axis");
        assertTrue(html.contains("<td><span class=\"scalar\">9001</span></td><td>" + Html.seconds(oks.get(150).time()) + "</td>"), "element and its add time");
        assertTrue(html.contains("<td>" + Html.seconds(oks.get(150).time() + 5_000_000L) + "</td><td><span class=\"scalar\">final read of n2"),
                "other keys as they come, times in seconds");
        assertTrue(html.contains("href=\"#op-" + oks.get(400).index() + "\""), "the read that missed it is linked");
        assertTrue(html.contains("<div class=\"violation\" data-checker=\"register\"><h3>Non-linearizable window (register)</h3>"));
        assertEquals(1, RunReportTest.count(html, "class=\"box bad\""), "the op that cannot be linearized is marked");
        assertEquals(4, RunReportTest.count(html.substring(html.indexOf("linear-window")), "<rect class=\"box"), "its window");
        assertTrue(html.contains("data-checker=\"latch\"><h3>latch</h3><p class=\"violation-text\">p1 and p2 held the latch at once"),
                "a checker the page has no drawing for still gets its violation and summary");
        assertTrue(html.contains("href=\"#op-" + oks.get(10).index() + "\""), "a '-op' key in unknown evidence links to its op");
        for (Map<String, Object> e : lost) {
            assertTrue(html.contains("id=\"op-" + e.get("index") + "\""), "the lost add's op row is on the page");
        }
        RunReportTest.assertLinksLand(html);
    }
}
