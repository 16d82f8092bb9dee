package dev.schism.node.recipes;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.client.InJvmEnsemble;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Apache Curator 5.9.0's LeaderLatch, unchanged, with five clients on a 3-server ensemble of real client
 * layers (in-JVM core stand-in): one leader; closing it hands over to exactly one other; killing the
 * server under the leader's client moves leadership within the session timeout; never two holders.
 */
class LeaderLatchTest {
    private static final int TICK = 200;
    private static final int SESSION_MS = 3000;
    private InJvmEnsemble ensemble;
    private LatchClients clients;

    @AfterEach
    void stop() throws Exception {
        if (clients != null) {
            clients.close();
        }
        if (ensemble != null) {
            ensemble.close();
        }
    }

    @Test
    void fiveClientsElectExactlyOneLeaderThroughCloseAndServerLoss() throws Exception {
        ensemble = new InJvmEnsemble(3, TICK);
        clients = new LatchClients(ensemble.connectString(), 5, SESSION_MS, 2000, new ExponentialBackoffRetry(100, 5));
        clients.startLatches();
        try (HolderMonitor monitor = new HolderMonitor(clients.holds())) {
            int first = monitor.awaitSingleHolder(15_000);
            CuratorFramework observer = clients.curator(0);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> observer.getChildren().forPath(LatchClients.LATCH_PATH).size() >= 5);
            assertEquals(5, observer.getChildren().forPath(LatchClients.LATCH_PATH).size());
            assertEquals(first, monitor.awaitSingleHolder(1000), "leadership changed hands with no cause");

            clients.latch(first).close();
            int second = monitor.awaitSingleHolder(10_000);
            assertNotEquals(first, second);

            int port = clients.connectedPort(second);
            InJvmEnsemble.Server under = null;
            for (int sid = 1; sid <= 3; sid++) {
                if (ensemble.server(sid).port == port) {
                    under = ensemble.server(sid);
                }
            }
            assertTrue(under != null, "leader's client is on an unknown port " + port);
            long killedAt = System.nanoTime();
            under.kill();
            // the leader's client must notice (SUSPENDED drops leadership); then exactly one holder again: another
            // client, or the same one if its session survived the move (Curator re-checks its node on RECONNECTED)
            monitor.awaitNotHolding(second, SESSION_MS + 5_000);
            int third = monitor.awaitSingleHolder(SESSION_MS + 20_000);
            long movedMs = (System.nanoTime() - killedAt) / 1_000_000L;
            assertTrue(movedMs < SESSION_MS + 10_000, "leadership took " + movedMs + " ms to move");
            under.restartFrom(ensemble.server(under.sid == 1 ? 2 : 1));
            Thread.sleep(1000);
            assertEquals(1, monitor.holders().size(), "holders after restart: " + monitor.holders());
            assertTrue(third >= 0);
            assertEquals(1, monitor.maxSimultaneousHolders(), "two clients held the latch at once");
        }
    }

}
