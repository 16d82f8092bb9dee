package dev.schism.node.server;

import static org.awaitility.Awaitility.await;

import dev.schism.node.config.ZooCfg;
import dev.schism.node.config.ZooCfgParser;
import dev.schism.node.process.Clients;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole server shell in this JVM as a single standalone server (no quorum transport): the official
 * client writes through it, snapshots and the txn log are written, and a restart on the same data directory
 * recovers everything.
 */
class StandaloneServerTest {
    @TempDir
    Path dir;

    private ZooCfg config() throws Exception {
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n", "tickTime=200", "dataDir=" + dir.resolve("data"),
                "clientPort=0", "clientPortAddress=127.0.0.1", "snapCount=25", "4lw.commands.whitelist=*") + "\n");
        return ZooCfgParser.parse(cfg);
    }

    private NodeServer start(ZooCfg cfg, AtomicInteger exits) throws Exception {
        NodeServer s = new NodeServer(cfg, null, exits::set);
        s.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> s.status().serving());
        assertEquals("standalone", s.status().mode(), s.toString());
        return s;
    }

    @Test
    void writesSurviveARestartThroughSnapshotsAndLog() throws Exception {
        ZooCfg cfg = config();
        AtomicInteger exits = new AtomicInteger(-1);
        NodeServer s = start(cfg, exits);
        try (ZooKeeper c = Clients.connect("127.0.0.1:" + s.clientPort(), Duration.ofSeconds(20))) {
            for (int i = 0; i < 60; i++) {
                c.create("/n" + i, ("v" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            c.setData("/n0", "changed".getBytes(StandardCharsets.UTF_8), 0);
        } finally {
            s.close();
        }
        try (Stream<Path> files = Files.list(dir.resolve("data"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("snapshot.")), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("log.")), names.toString());
            assertTrue(names.containsAll(List.of("acceptedEpoch", "currentEpoch", "events.jsonl")), names.toString());
        }
        assertTrue(Files.readString(dir.resolve("data/events.jsonl")).contains("\"event\":\"LEADING\""));

        NodeServer again = start(config(), exits);
        try (ZooKeeper c = Clients.connect("127.0.0.1:" + again.clientPort(), Duration.ofSeconds(20))) {
            for (int i = 1; i < 60; i++) {
                assertEquals("v" + i, new String(c.getData("/n" + i, false, null), StandardCharsets.UTF_8));
            }
            assertEquals("changed", new String(c.getData("/n0", false, null), StandardCharsets.UTF_8));
        } finally {
            again.close();
        }
        assertEquals(-1, exits.get(), "no fatal stop");
    }
}
