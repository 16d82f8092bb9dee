package dev.schism.workloads.recipes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.process.Ensemble;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The seed ephemeral-sequential election recipe (plain client), five candidates on a 3-server Schism
 * ensemble of real processes: one leader; closing it hands over to exactly one other; SIGKILL of the
 * server under the leader's client leaves exactly one leader again within the session timeout (the same
 * one if its session survived the move, which is correct for this recipe); never two at once.
 */
class SequentialElectionIT {
    private static final int SESSION_MS = 4000;

    @Test
    void fiveCandidatesOnRealProcesses() throws Exception {
        try (Ensemble ensemble = Ensemble.builder().timing(200, 10, 5).start(Duration.ofSeconds(60))) {
            List<SequentialElection> candidates = new ArrayList<>();
            AtomicInteger holders = new AtomicInteger();
            AtomicInteger maxHolders = new AtomicInteger();
            try {
                for (int i = 0; i < 5; i++) {
                    SequentialElection e = new SequentialElection(ensemble.connectString(), SESSION_MS,
                            "/app/leader_election", "c" + i, leads -> {
                                int now = leads ? holders.incrementAndGet() : holders.decrementAndGet();
                                maxHolders.accumulateAndGet(now, Math::max);
                            });
                    candidates.add(e);
                    e.start();
                }
                int first = awaitSingle(candidates, -1, 30_000);
                assertTrue(candidates.get(first).ourPath().matches("/app/leader_election/guid-.*_\\d{10}"));
                candidates.get(first).close();
                int second = awaitSingle(candidates, first, 15_000);
                assertNotEquals(first, second);

                long session = candidates.get(second).sessionId();
                int victim = (int) (session >>> 56); // the session id's top byte names the server it began on
                int onServer = victim;
                assertTrue(ensemble.mode(onServer) != null, "the leader's server " + onServer + " is down");
                ensemble.kill(onServer);
                long killedAt = System.nanoTime();
                // the leader must notice its connection is gone and step down
                await("leader kept leading after losing its server").atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(5)).until(() -> !candidates.get(second).isLeader());
                awaitSingle(candidates, -1, SESSION_MS + 20_000);
                System.out.printf("SequentialElectionIT: one leader again %d ms after SIGKILL of server %d%n",
                        (System.nanoTime() - killedAt) / 1_000_000L, onServer);
                ensemble.start(onServer);
                ensemble.awaitStable(Duration.ofSeconds(30));
                Thread.sleep(2000);
                assertEquals(1, countLeaders(candidates));
                assertEquals(1, maxHolders.get(), "two candidates led at once");
            } finally {
                for (SequentialElection e : candidates) {
                    e.close();
                }
            }
        }
    }

    private static int countLeaders(List<SequentialElection> candidates) {
        int n = 0;
        for (SequentialElection e : candidates) {
            n += e.isLeader() ? 1 : 0;
        }
        return n;
    }

    private static int awaitSingle(List<SequentialElection> candidates, int notThis, long timeoutMs) {
        return await("a single leader").atMost(Duration.ofMillis(timeoutMs)).pollInterval(Duration.ofMillis(10))
                .until(() -> singleLeader(candidates), found -> found >= 0 && found != notThis);
    }

    /** The index of the only candidate that leads, or -1 if none or several do. */
    private static int singleLeader(List<SequentialElection> candidates) {
        int found = -1;
        int count = 0;
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).isLeader()) {
                found = i;
                count++;
            }
        }
        return count == 1 ? found : -1;
    }
}
