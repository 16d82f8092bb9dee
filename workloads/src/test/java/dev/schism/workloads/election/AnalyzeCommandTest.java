package dev.schism.workloads.election;

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

/** {@code schism analyze} on hand-made run folders: verdicts, merged journals, exit codes. */
class AnalyzeCommandTest {
    @TempDir
    Path run;

    static final String TEST_JSON = """
            {"name":"election","workload":"election","nemesis":["partition"],"nodes":2,"time-limit":1.0,"concurrency":1,
             "rate":10.0,"seed":1,"backend":"local","inject-bug":null,"toxiproxy":null,"nemesis-interval":5.0,
             "partition-modes":["drop"],"recovery":0.0,"start-wall-ms":1000}
            """;

    private void write(String path, String text) throws Exception {
        Path p = run.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private int analyze(Path folder, StringBuilder out) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return Main.execute("analyze", folder.toString());
        } finally {
            System.setOut(old);
            out.append(buf.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void twoLeadersInOneEpochExitOneAndJournalsAreMerged() throws Exception {
        write("test.json", TEST_JSON);
        write("history.jsonl", """
                {"index":0,"time":10,"process":0,"type":"invoke","f":"write","value":0,"node":"n1"}
                {"index":1,"time":20,"process":0,"type":"ok","f":"write","value":{"value":0,"zxid":"0x100000001"},"node":"n1"}
                """);
        write("nodes/n1/data/events.jsonl", "{\"t\":1000,\"node\":1,\"event\":\"LEADING\",\"epoch\":1,\"leader\":1,\"zxid\":\"0x100000000\"}\n");
        write("nodes/n2/data/events.jsonl", "{\"t\":1005,\"node\":2,\"event\":\"LEADING\",\"epoch\":1,\"leader\":2,\"zxid\":\"0x100000000\"}\n{\"t\":10");
        StringBuilder out = new StringBuilder();
        assertEquals(1, analyze(run, out), out.toString());
        assertTrue(out.toString().contains("election INVALID: epoch 1 has two leaders, n1 and n2"), out.toString());
        assertEquals(2, Files.readAllLines(run.resolve("events.jsonl")).size(), "both journals merged, torn tail skipped");
        assertTrue(Files.readString(run.resolve("results.json")).contains("\"verdict\" : \"INVALID\""));
        assertTrue(Files.readString(run.resolve("history.edn")).startsWith("{:index 0, :time 10, :type :invoke"));
        String report = Files.readString(run.resolve("report.html"));
        assertTrue(report.contains("epoch 1 has two leaders, n1 and n2"), "the report shows the violation");
        String[] lines = out.toString().strip().split("\n");
        assertEquals("schism: report " + run.toRealPath().resolve("report.html"), lines[lines.length - 1], "the last line names the report");
    }

    @Test
    void aValidRunExitsZero() throws Exception {
        write("test.json", TEST_JSON);
        write("history.jsonl", "");
        write("events.jsonl", "{\"t\":1000,\"node\":1,\"event\":\"LEADING\",\"epoch\":1,\"leader\":1,\"zxid\":\"0x100000000\"}\n");
        StringBuilder out = new StringBuilder();
        assertEquals(0, analyze(run, out), out.toString());
    }

    @Test
    void badFoldersAreBadArguments() throws Exception {
        StringBuilder out = new StringBuilder();
        assertEquals(254, analyze(run.resolve("nope"), out));
        write("history.jsonl", "");
        assertEquals(254, analyze(run, out), "no test.json");
        write("test.json", TEST_JSON.replace("\"workload\":\"election\"", "\"workload\":\"bank\""));
        assertEquals(254, analyze(run, out), "unknown workload");
    }
}
