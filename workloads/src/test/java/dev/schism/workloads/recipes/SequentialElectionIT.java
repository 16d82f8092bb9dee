package dev.schism.workloads.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        try (NodeEnsemble ensemble = new NodeEnsemble(3, 200)) {
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
                assertTrue(ensemble.srvr(onServer).contains("Mode: "), "the leader's server " + onServer + " is down");
                ensemble.kill(onServer);
                long killedAt = System.nanoTime();
                long dropDeadline = killedAt + 20_000_000_000L;
                while (candidates.get(second).isLeader() && System.nanoTime() < dropDeadline) {
                    Thread.sleep(5); // the leader must notice its connection is gone and step down
                }
                assertTrue(!candidates.get(second).isLeader(), "leader kept leading after losing its server");
                awaitSingle(candidates, -1, SESSION_MS + 20_000);
                System.out.printf("SequentialElectionIT: one leader again %d ms after SIGKILL of server %d%n",
                        (System.nanoTime() - killedAt) / 1_000_000L, onServer);
                ensemble.start(onServer);
                ensemble.awaitServing(30_000);
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

    private static int awaitSingle(List<SequentialElection> candidates, int notThis, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            int found = -1;
            int count = 0;
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).isLeader()) {
                    found = i;
                    count++;
                }
            }
            if (count == 1 && found != notThis) {
                return found;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no single leader within " + timeoutMs + " ms");
    }
}
