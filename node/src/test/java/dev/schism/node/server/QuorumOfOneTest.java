package dev.schism.node.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.config.ZooCfg;
import dev.schism.node.config.ZooCfgParser;
import dev.schism.node.process.Clients;
import dev.schism.node.process.FourLetterWords;
import dev.schism.node.process.FreePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code standaloneEnabled=false} with one server line, as ZooKeeper takes it (and the container's
 * {@code ZOO_STANDALONE_ENABLED=false}): the server runs election and ZAB with a quorum of one, so
 * {@code srvr} says {@code Mode: leader}, it journals an established epoch, and clients write through it.
 * The same file without the key runs standalone.
 */
class QuorumOfOneTest {
    @TempDir
    Path dir;

    private ZooCfg config(String... extra) throws Exception {
        int[] ports = FreePorts.allocate(2);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("myid"), "1\n");
        Path cfg = dir.resolve("zoo.cfg");
        Files.writeString(cfg, String.join("\n", "tickTime=200", "initLimit=10", "syncLimit=5", "dataDir=" + data,
                "clientPort=0", "clientPortAddress=127.0.0.1", "4lw.commands.whitelist=*",
                "server.1=127.0.0.1:" + ports[0] + ":" + ports[1]) + "\n" + String.join("\n", extra) + "\n");
        return ZooCfgParser.parse(cfg);
    }

    @Test
    void oneServerWithStandaloneDisabledLeadsAQuorumOfOne() throws Exception {
        ZooCfg cfg = config("standaloneEnabled=false");
        assertFalse(cfg.standalone(), cfg.toString());
        AtomicInteger exits = new AtomicInteger(-1);
        NodeServer s = new NodeServer(cfg, null, exits::set);
        s.start();
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> s.status().serving());
            assertEquals("leader", FourLetterWords.mode(FourLetterWords.ask(s.clientPort(), "srvr")));
            try (ZooKeeper c = Clients.connect("127.0.0.1:" + s.clientPort(), Duration.ofSeconds(20))) {
                c.create("/one", "1".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                assertEquals("1", new String(c.getData("/one", false, null), StandardCharsets.UTF_8));
            }
        } finally {
            s.close();
        }
        String journal = Files.readString(dir.resolve("data/events.jsonl"));
        assertTrue(journal.matches("(?s).*\"event\":\"LEADING\",\"epoch\":[1-9].*"), "an established epoch: " + journal);
        assertEquals(-1, exits.get(), "no fatal stop");
    }

    @Test
    void theSameFileWithoutTheKeyRunsStandalone() throws Exception {
        assertTrue(config().standalone());
        assertTrue(config("standaloneEnabled=true").standalone());
    }
}
