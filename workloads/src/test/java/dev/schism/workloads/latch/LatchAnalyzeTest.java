package dev.schism.workloads.latch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schism analyze} re-checks a stored latch run: the workload is found by name and its checker rerun. */
class LatchAnalyzeTest {
    @TempDir
    Path run;

    private static String report(int index, long ms, String candidate, boolean leader, boolean changed) {
        return "{\"index\":" + index + ",\"time\":" + ms * 1_000_000 + ",\"process\":" + candidate.charAt(candidate.length() - 1)
                + ",\"type\":\"ok\",\"f\":\"leadership\",\"value\":{\"candidate\":\"" + candidate + "\",\"election\":\"curator\","
                + "\"leader\":" + leader + ",\"changed\":" + changed + ",\"lag-ns\":0}}\n";
    }

    private int analyze(StringBuilder out) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return Main.execute("analyze", run.toString());
        } finally {
            System.setOut(old);
            out.append(buf.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void twoHoldersBeyondTheBoundExitOne() throws Exception {
        Files.writeString(run.resolve("test.json"), """
                {"name":"latch","workload":"latch","nemesis":["partition"],"nodes":2,"time-limit":1.0,"concurrency":2,
                 "rate":10.0,"seed":1,"backend":"local","inject-bug":null,"toxiproxy":null,"nemesis-interval":5.0,
                 "partition-modes":["drop"],"recovery":0.0,"start-wall-ms":1000}
                """);
        Files.writeString(run.resolve("history.jsonl"), report(0, 1000, "curator@n1", true, true)
                + report(1, 2000, "curator@n2", true, true) + report(2, 4000, "curator@n1", false, true)
                + report(3, 5000, "curator@n2", true, false));
        StringBuilder out = new StringBuilder();
        assertEquals(1, analyze(out), out.toString());
        assertTrue(out.toString().contains("latch INVALID: curator: curator@n1 and curator@n2 both led for 2.000 s from 2.000s"
                + " (bound 500 ms)"), out.toString());
        Files.writeString(run.resolve("history.jsonl"), report(0, 1000, "curator@n1", true, true)
                + report(1, 2000, "curator@n1", false, true) + report(2, 2300, "curator@n2", true, true));
        out.setLength(0);
        assertEquals(0, analyze(out), out.toString());
        assertTrue(out.toString().contains("latch VALID: curator: 2 terms, longest overlap none (bound 500 ms)"), out.toString());
    }
}
