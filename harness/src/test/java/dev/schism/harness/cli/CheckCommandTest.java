package dev.schism.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.history.HistoryJson;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schism check} end to end through {@link Main#execute}: output lines, exit codes, explanations. */
class CheckCommandTest {
    @TempDir
    Path tmp;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun r = CliRun.of(args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    private static String data(String rel) {
        try {
            return Path.of(CheckCommandTest.class.getResource("/porcupine/" + rel).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void validFileExitsZeroWithOneLine() {
        String f = data("jepsen/etcd_005.log");
        assertEquals(0, run("check", "--model", "etcd", "--format", "porcupine-etcd", f));
        assertTrue(Pattern.matches(Pattern.quote(f) + " VALID \\d+\\R", out), out);
    }

    @Test
    void worstVerdictWinsAndExplanationIsWritten() throws Exception {
        String ok = data("jepsen/etcd_005.log");
        String bad = data("jepsen/etcd_000.log");
        Path dir = tmp.resolve("explain");
        assertEquals(1, run("check", "--format", "porcupine-etcd", "--explain", dir.toString(), ok, bad));
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).startsWith(ok + " VALID "), out);
        assertTrue(lines.get(1).startsWith(bad + " INVALID "), out);
        Path page = dir.resolve("etcd_000.log.html");
        assertTrue(Files.isRegularFile(page), err);
        String html = Files.readString(page);
        assertTrue(html.contains("<svg") && html.contains("class=\"op bad\"") && html.contains("INVALID"), html);
        assertTrue(!Files.exists(dir.resolve("etcd_005.log.html")));
    }

    @Test
    void timeLimitGivesUnknown() {
        assertEquals(2, run("check", "--format", "porcupine-etcd", "--time-limit", "1ms",
                data("jepsen/etcd_002.log")));
        assertTrue(out.contains(" UNKNOWN "), out);
    }

    @Test
    void badArgumentsExit254WithOneLineReason() throws Exception {
        String f = data("jepsen/etcd_005.log");
        assertEquals(254, run("check", "--model", "nope", "--format", "porcupine-etcd", f));
        assertEquals("schism: unknown model 'nope' (expected one of register, cas-register, etcd, kv, set, znode,"
                + " optionally prefixed with independent-)",
                err.strip());
        assertEquals(254, run("check", "--model", "etcd", "--format", "xml", f));
        assertTrue(err.strip().startsWith("schism: unknown format 'xml'"), err);
        assertEquals(254, run("check", "--model", "etcd", "--format", "porcupine-etcd", tmp.resolve("missing.log").toString()));
        assertEquals("schism: no such file: " + tmp.resolve("missing.log"), err.strip());
        assertEquals(254, run("check", "--format", "porcupine-etcd", "--time-limit", "soon", f));
        assertTrue(err.strip().startsWith("schism: --time-limit: expected a duration"), err);
        Path txt = write("h.txt", "");
        assertEquals(254, run("check", "--model", "register", txt.toString()));
        assertEquals("schism: cannot tell the format of " + txt + " from its name; give --format", err.strip());
        assertEquals(254, run("check", "--model", "etcd"));
        assertTrue(err.contains("FILE"), err);
        assertEquals("", out);
    }

    @Test
    void unreadableFileIsNamedWithItsLineAndTheOthersAreStillChecked() throws Exception {
        Path bad = write("bad.edn", "{:process 0 :type :invoke :f :write :value 1}\n{:process 0 :f :write}\n");
        Path good = write("good.edn", "{:process 0 :type :invoke :f :write :value 1}\n"
                + "{:process 0 :type :ok :f :write :value 1}\n");
        assertEquals(254, run("check", "--model", "register", bad.toString(), good.toString()));
        assertEquals("schism: " + bad + ":2: expected :type in op map", err.strip());
        assertTrue(out.startsWith(good + " VALID "), out);
    }

    @Test
    void schismJsonLinesAndEdnByExtension() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (Op op : List.of(
                new Op(0, 0, 0, OpType.INVOKE, "write", 3L, "n1", null),
                new Op(1, 5, 0, OpType.OK, "write", 3L, "n1", null),
                new Op(2, 6, 1, OpType.INVOKE, "read", null, "n2", null),
                new Op(3, 9, 1, OpType.OK, "read", 4L, "n2", null))) {
            jsonl.append(HistoryJson.toLine(op)).append('\n');
        }
        Path j = write("history.jsonl", jsonl.toString());
        assertEquals(1, run("check", "--model", "cas-register", j.toString()));
        assertTrue(out.startsWith(j + " INVALID "), out);
        // JSON numbers come back as Integers; they must compare equal to the Longs written.
        Path v = write("valid.jsonl", jsonl.toString().replace("\"value\":4", "\"value\":3")
                + HistoryJson.toLine(new Op(4, 10, 2, OpType.INVOKE, "cas", List.of(3L, 5L), null, null)) + "\n"
                + HistoryJson.toLine(new Op(5, 11, 2, OpType.OK, "cas", List.of(3L, 5L), null, null)) + "\n");
        assertEquals(0, run("check", "--model", "cas-register", v.toString()), out + err);
        Path e = write("h.edn", "[{:process 0 :type :invoke :f :add :value 1}\n{:process 0 :type :ok :f :add :value 1}\n"
                + "{:process 1 :type :invoke :f :read}\n{:process 1 :type :ok :f :read :value #{1}}]");
        assertEquals(0, run("check", "-m", "set", e.toString()));
    }

    @Test
    void kvWithAllPartitionsAndAMemoryLimitStillAnswers() {
        assertEquals(1, run("check", "--format", "porcupine-kv", "--all-partitions", "--memory-limit", "64m",
                data("kv/c50-bad.txt")));
        assertTrue(out.contains(" INVALID "), out);
    }
}
