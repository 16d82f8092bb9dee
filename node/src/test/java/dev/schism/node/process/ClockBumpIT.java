package dev.schism.node.process;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clock faults without root: the {@code clok} admin word shifts a server's injectable clock. Bumping the
 * leader's clock forward by more than syncLimit makes its timeouts fire as if that time had passed, so it
 * steps down and a later epoch is established; its journal's wall-clock stamps carry the offset.
 */
class ClockBumpIT {
    @Test
    void bumpingTheLeadersClockForcesANewEpochAndSkewsItsStamps() throws Exception {
        try (Ensemble e = ThreeServerEnsembleIT.nodes().timing(500, 10, 5).build()) {
            try {
                e.startAll();
                long leader = e.awaitStable(Duration.ofSeconds(60));
                try (ZooKeeper c = Clients.connect(e.connectString(), Duration.ofSeconds(30))) {
                    c.create("/before-bump", "b".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                int leadingBefore = leadingLines(e);
                long wallBefore = System.currentTimeMillis();
                assertEquals("clock offset 30000\n", clok(e, leader, 30_000));
                await("a new epoch was established after the bump").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100)).until(() -> leadingLines(e) > leadingBefore);
                e.awaitStable(Duration.ofSeconds(60));
                try (ZooKeeper c = Clients.connect(e.connectString(), Duration.ofSeconds(30))) {
                    assertEquals("b", new String(c.getData("/before-bump", false, null), StandardCharsets.UTF_8));
                }
                List<String> journal = e.journal(leader);
                String last = journal.get(journal.size() - 1);
                long t = Long.parseLong(last.substring(5, last.indexOf(',')));
                assertTrue(t >= wallBefore + 29_000, "the bumped server stamps its skewed wall clock: " + last);
                Journals.assertWellFormedAndOneLeaderPerEpoch(e);
            } catch (Throwable t) {
                System.out.println(e.logTails(60));
                throw t;
            }
        }
    }

    private static int leadingLines(Ensemble e) {
        int n = 0;
        for (long sid : e.sids()) {
            n += (int) Journals.leadingCount(e, sid);
        }
        return n;
    }

    /** The clok word: four letters and an 8-byte big-endian delta in ms. */
    private static String clok(Ensemble e, long sid, long deltaMs) throws Exception {
        try (Socket s = new Socket("127.0.0.1", e.server(sid).clientPort)) {
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write("clok".getBytes(StandardCharsets.US_ASCII));
            out.writeLong(deltaMs);
            out.flush();
            s.setSoTimeout(5000);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
