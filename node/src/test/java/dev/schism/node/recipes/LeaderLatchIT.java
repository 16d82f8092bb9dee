package dev.schism.node.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.process.Ensemble;
import java.time.Duration;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Curator 5.9.0 LeaderLatch, five clients, on a 3-server Schism ensemble of real processes: exactly one
 * leader; closing it hands over to one other; SIGKILL of the server under the leader's client moves
 * leadership within the session timeout (plus re-election); restart; never two holders at once.
 */
class LeaderLatchIT {
    private static final int TICK = 200;
    private static final int SESSION_MS = 4000;
    private Ensemble ensemble;
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
    void fiveCuratorClientsOnRealProcesses() throws Exception {
        ensemble = Ensemble.builder().timing(TICK, 10, 5).start(Duration.ofSeconds(60));
        String connect = ensemble.connectString();
        clients = new LatchClients(connect, 5, SESSION_MS, 3000, new ExponentialBackoffRetry(100, 10));
        clients.startLatches();
        try (HolderMonitor monitor = new HolderMonitor(clients.holds())) {
            int first = monitor.awaitSingleHolder(30_000);
            clients.latch(first).close();
            int second = monitor.awaitSingleHolder(15_000);
            assertNotEquals(first, second);

            int port = clients.connectedPort(second);
            int victim = -1;
            for (int sid = 1; sid <= 3; sid++) {
                if (ensemble.clientPort(sid) == port) {
                    victim = sid;
                }
            }
            assertTrue(victim > 0, "leader's client is on an unknown port " + port);
            long killedAt = System.nanoTime();
            ensemble.kill(victim);
            // the leader's client must notice (SUSPENDED drops leadership); then exactly one holder again: another
            // client, or the same one if its session survived the move (Curator re-checks its node on RECONNECTED)
            monitor.awaitNotHolding(second, SESSION_MS + 5_000);
            int third = monitor.awaitSingleHolder(SESSION_MS + 20_000);
            long movedMs = (System.nanoTime() - killedAt) / 1_000_000L;
            // within the session timeout, plus room for a re-election if the killed server was the leader
            assertTrue(movedMs < SESSION_MS + 5_000, "one holder again only after " + movedMs + " ms");
            System.out.printf("LeaderLatchIT: client %d leads %d ms after SIGKILL of server %d (was client %d)%n", third,
                    movedMs, victim, second);
            ensemble.restart(victim);
            ensemble.awaitStable(Duration.ofSeconds(30));
            Thread.sleep(2000);
            assertEquals(1, monitor.holders().size(), "holders after restart: " + monitor.holders());
            assertEquals(1, monitor.maxSimultaneousHolders(), "two clients held the latch at once");
            assertEquals(connect, clients.curator(0).getZookeeperClient().getCurrentConnectionString(),
                    "Curator rewrote its connection string from /zookeeper/config");
        }
    }
}
