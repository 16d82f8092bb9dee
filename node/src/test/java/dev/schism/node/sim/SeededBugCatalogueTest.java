package dev.schism.node.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seeded bugs that SimulationTest does not already look for, each found within a stated number of seeds
 * (the README gives the rates per 1,000). The first seed that shows the bug is printed.
 */
class SeededBugCatalogueTest {

    /** The first seed up to {@code seeds} whose outcome has the verdict (and, if given, the check's kind). */
    private static Outcome first(String bug, int seeds, Outcome.Verdict verdict, String kind) {
        for (long seed = 1; seed <= seeds; seed++) {
            Outcome o = SimulationTest.simulation(seed, bug).play();
            if (o.verdict() == verdict && (kind == null || kind.equals(o.kind()))) {
                System.out.println("seeded bug " + bug + " found at " + o);
                return o;
            }
        }
        return null;
    }

    /** 99 in 1,000 seeds: an acknowledged txn lives on the leader alone, and the next leader lacks it. */
    @Test
    void commitBeforeQuorumLosesACommittedTxn() {
        assertTrue(first("commit-before-quorum", 100, Outcome.Verdict.UNSAFE, "lost-committed") != null,
                "not caught in 100 seeds");
    }

    /** Two leaderships in one epoch: caught as two leaders of the epoch or as diverging histories. */
    @Test
    void epochReuseIsCaught() {
        assertTrue(first("epoch-reuse", 50, Outcome.Verdict.UNSAFE, null) != null, "not caught in 50 seeds");
    }

    /**
     * A vote order without the zxid elects servers with short logs; the leader's check that no follower is
     * ahead of it refuses to lead them, so this bug shows as an ensemble that never makes progress (STUCK),
     * not as lost data.
     */
    @Test
    void fleIgnoringZxidGetsStuck() {
        assertTrue(first("fle-ignores-zxid", 300, Outcome.Verdict.STUCK, null) != null, "not stuck in 300 seeds");
    }

    /**
     * 6 in 1,000 seeds (first at seed 184): a learner that wrote the new currentEpoch before its synced history
     * crashes mid-sync, restarts claiming the epoch over its old log, wins the election and drops committed txns.
     */
    @Test
    void currentEpochBeforeSyncLosesACommittedTxn() {
        assertTrue(first("current-epoch-before-sync", 200, Outcome.Verdict.UNSAFE, "lost-committed") != null,
                "not caught in 200 seeds");
    }
}
