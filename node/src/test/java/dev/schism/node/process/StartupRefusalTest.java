package dev.schism.node.process;

import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import dev.schism.node.storage.TxnLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real {@code main} in a child JVM refusing to start: bad zoo.cfg lines (status 2 and
 * {@code zoo.cfg:LINE: reason}), a missing myid, a corrupted txn log (status 3 naming file and offset), and
 * an injected bug without the opt-in environment variable.
 */
class StartupRefusalTest {
    @TempDir
    Path dir;

    private Path config(String... extra) throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        List<String> lines = new ArrayList<>(List.of("tickTime=2000", "initLimit=10", "syncLimit=5",
                "dataDir=" + data, "clientPort=0", "clientPortAddress=127.0.0.1",
                "server.1=127.0.0.1:1:2", "server.2=127.0.0.1:3:4", "server.3=127.0.0.1:5:6"));
        lines.addAll(List.of(extra));
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n", lines) + "\n");
        return cfg;
    }

    private void myid(long id) throws Exception {
        Files.writeString(dir.resolve("data/myid"), id + "\n");
    }

    @Test
    void badConfigLineExitsTwoNamingTheLine() throws Exception {
        Path cfg = config("server.4=127.0.0.1:7");
        myid(1);
        NodeProcess.Result r = NodeProcess.run(Map.of(), cfg.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.output().contains("zoo.cfg:10: server.4 has no election port"), r.toString());
    }

    @Test
    void missingMyidExitsTwoAndSaysSo() throws Exception {
        Path cfg = config();
        NodeProcess.Result r = NodeProcess.run(Map.of(), cfg.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.output().contains(dir.resolve("data/myid") + ": missing"), r.toString());
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        NodeProcess.Result none = NodeProcess.run(Map.of());
        assertEquals(2, none.exitCode(), none.toString());
        assertTrue(none.output().contains("no config file given"), none.toString());
        NodeProcess.Result missing = NodeProcess.run(Map.of(), dir.resolve("absent.cfg").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.output().contains(dir.resolve("absent.cfg") + ": no such file"), missing.toString());
    }

    @Test
    void injectedBugNeedsTheOptIn() throws Exception {
        Path cfg = config();
        myid(1);
        NodeProcess.Result r = NodeProcess.run(Map.of(), "--inject-bug", "establish-without-quorum", cfg.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.output().contains("--inject-bug establish-without-quorum refused: set SCHISM_ALLOW_INJECTED_BUGS=1"), r.toString());
    }

    @Test
    void corruptedLogRefusesNamingFileAndOffset() throws Exception {
        Path cfg = config();
        myid(1);
        Path data = dir.resolve("data");
        Files.writeString(data.resolve("acceptedEpoch"), "1\n");
        Files.writeString(data.resolve("currentEpoch"), "1\n");
        TxnLog log = new TxnLog(data, 0, 1 << 20);
        for (int i = 1; i <= 5; i++) {
            log.append(List.of(new Txn(Zxid.make(1, i), ("payload-" + i).getBytes(StandardCharsets.UTF_8))));
        }
        log.close();
        Path segment;
        try (Stream<Path> s = Files.list(data)) {
            segment = s.filter(p -> p.getFileName().toString().startsWith("log.")).findFirst().orElseThrow();
        }
        int record = 16 + "payload-1".length();
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(2L * record + 20);
            f.write(0x7f);
        }
        NodeProcess.Result r = NodeProcess.run(Map.of(), cfg.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.output().contains(segment + ": corrupt txn log at byte offset " + (2 * record) + ": bad CRC"),
                r.toString());
        assertTrue(r.output().contains("[sid 1]"), "log lines carry the server id: " + r);
    }
}
