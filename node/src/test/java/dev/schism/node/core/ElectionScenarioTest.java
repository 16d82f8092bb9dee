package dev.schism.node.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FastLeaderElection and ZAB establishment end to end over a perfect network. */
class ElectionScenarioTest {

    @Test
    void threeServersElectTheHighestEpochThenZxidThenSid() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of());
        c.start(1, LoopbackCluster.withLog(2, 5));  // highest epoch
        c.start(2, LoopbackCluster.withLog(1, 9));  // highest zxid, older epoch
        c.start(3, LoopbackCluster.withLog(1, 9));  // same as 2, higher sid
        c.run(100);
        assertEquals(1, c.leader(), c.toString());
        assertEquals(Role.FOLLOWING, c.peers.get(2L).role());
        assertEquals(Role.FOLLOWING, c.peers.get(3L).role());
        assertTrue(c.peers.get(1L).epoch() >= 3, "new epoch beyond every accepted epoch: " + c);
    }

    @Test
    void equalHistoriesElectTheHighestSid() {
        LoopbackCluster c = LoopbackCluster.elected(Set.of(1L, 2L, 3L), Set.of());
        assertEquals(3, c.leader(), c.toString());
        assertEquals(1, c.peers.get(3L).epoch());
        RoleChange leading = c.roles.get(3L).get(c.roles.get(3L).size() - 1);
        assertEquals(Role.LEADING, leading.role());
        assertEquals(1, leading.epoch());
        assertTrue(leading.serving());
    }

    @Test
    void newLeaderSyncsTheWholeHistoryAndCommitsIt() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of());
        c.start(1, LoopbackCluster.withLog(1, 3));
        c.start(2, LoopbackCluster.withLog(1, 7));
        c.start(3, LoopbackCluster.fresh());
        c.run(100);
        assertEquals(2, c.leader(), c.toString());
        for (long sid = 1; sid <= 3; sid++) {
            assertEquals(7, c.machines.get(sid).txns.size(), "server " + sid + " applied the whole history");
            assertEquals(Zxid.make(1, 7), c.peers.get(sid).lastCommittedZxid());
        }
    }

    @Test
    void afterTheLeaderIsLostTheSurvivorsDecideWithoutFinalizeWait() {
        LoopbackCluster c = LoopbackCluster.elected(Set.of(1L, 2L, 3L), Set.of());
        assertEquals(3, c.leader(), c.toString());
        c.isolated.add(3L); // killed: its links close on both survivors
        for (long sid : new long[] {1, 2}) {
            c.peers.get(sid).linkDown(3);
            c.drain(sid);
        }
        c.run(1); // finalizeWait is 4 ticks here: only the fast path can have decided and established by now
        assertEquals(2, c.leader(), c.toString());
        assertEquals(Role.FOLLOWING, c.peers.get(1L).role());
        assertEquals(2, c.peers.get(1L).leader());
    }

    @Test
    void withEveryVoterUpTheElectionStillWaitsFinalizeWait() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of());
        for (long sid = 1; sid <= 3; sid++) {
            c.start(sid, LoopbackCluster.fresh());
        }
        c.run(1);
        assertEquals(-1, c.leader(), "decided before finalizeWait: " + c);
        c.run(20);
        assertEquals(3, c.leader(), c.toString());
    }

    @Test
    void lateJoinerFollowsTheEstablishedLeader() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of());
        c.start(1, LoopbackCluster.fresh());
        c.start(2, LoopbackCluster.fresh());
        c.run(100);
        assertEquals(2, c.leader(), c.toString());
        // The late joiner has the highest sid and would win a fresh election; it must follow 2 instead.
        c.start(3, LoopbackCluster.fresh());
        c.run(100);
        assertEquals(2, c.leader());
        assertEquals(Role.FOLLOWING, c.peers.get(3L).role());
        assertTrue(c.peers.get(3L).serving());
        assertEquals(2, c.peers.get(3L).leader());
    }

    @Test
    void observerIsNeverElectedEvenWithTheBestHistory() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of(4L));
        c.start(4, LoopbackCluster.withLog(5, 50));
        c.start(1, LoopbackCluster.fresh());
        c.start(2, LoopbackCluster.fresh());
        c.start(3, LoopbackCluster.fresh());
        c.run(150);
        long leader = c.leader();
        assertNotEquals(-1, leader, c.toString());
        assertNotEquals(4, leader);
        assertEquals(Role.OBSERVING, c.peers.get(4L).role());
        assertTrue(c.peers.get(4L).serving(), c.toString());
    }

    @Test
    void observersDoNotCountTowardsQuorum() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of(4L, 5L));
        c.start(1, LoopbackCluster.fresh());
        c.start(4, LoopbackCluster.fresh());
        c.start(5, LoopbackCluster.fresh());
        c.run(200);
        assertEquals(-1, c.leader(), "one voter and two observers are not a quorum: " + c);
    }

    @Test
    void proposalsCommitEverywhereInOrder() {
        LoopbackCluster c = LoopbackCluster.elected(Set.of(1L, 2L, 3L), Set.of(4L));
        long leader = c.leader();
        for (int i = 0; i < 10; i++) {
            long sid = 1 + (long) (i % 4); // via the leader, the followers and the observer
            assertTrue(c.propose(sid, ("w" + i).getBytes(StandardCharsets.UTF_8)), c.toString());
            c.run(3);
        }
        c.run(20);
        List<Txn> expected = c.machines.get(leader).txns;
        assertEquals(10, expected.size());
        for (long sid = 1; sid <= 4; sid++) {
            assertEquals(expected, c.machines.get(sid).txns, "server " + sid);
        }
    }

    @Test
    void isolatedLeaderStepsDownAndTheRestElectANewOne() {
        LoopbackCluster c = LoopbackCluster.elected(Set.of(1L, 2L, 3L), Set.of());
        long old = c.leader();
        c.isolated.add(old);
        c.run(200);
        assertEquals(Role.LOOKING, c.peers.get(old).role(), "cut-off leader must step down: " + c);
        assertFalse(c.peers.get(old).serving());
        long now = c.leader();
        assertNotEquals(-1, now, c.toString());
        assertNotEquals(old, now);
        c.isolated.clear();
        c.run(200);
        assertEquals(now, c.leader());
        assertEquals(Role.FOLLOWING, c.peers.get(old).role(), "old leader rejoins as follower: " + c);
    }

    @Test
    void restartedFollowerRejoinsQuicklyAndCatchesUp() {
        LoopbackCluster c = LoopbackCluster.elected(Set.of(1L, 2L, 3L), Set.of());
        long leader = c.leader();
        long victim = leader == 1 ? 2 : 1;
        for (int i = 0; i < 5; i++) {
            c.propose(leader, new byte[] {(byte) i});
        }
        c.run(5);
        List<Txn> before = List.copyOf(c.machines.get(victim).txns);
        assertEquals(5, before.size());
        // Restart the follower from its durable state (instantly durable here): same sid, session numbers
        // start over, so the leader still holds a session with the very same number.
        c.peers.remove(victim);
        for (int i = 5; i < 8; i++) {
            c.propose(leader, new byte[] {(byte) i});
        }
        c.run(5);
        c.start(victim, new DurableState(1, 1, null, before));
        c.run(30); // well under initLimit (40 ticks): no timeout may be needed to rejoin
        assertTrue(c.peers.get(victim).serving(), c.toString());
        assertEquals(8, c.machines.get(victim).txns.size(), "caught up from its log plus a DIFF");
        assertEquals(c.machines.get(leader).txns, c.machines.get(victim).txns);
    }

    @Test
    void singleVoterLeadsAloneAndCommits() {
        LoopbackCluster c = new LoopbackCluster(Set.of(1L), Set.of());
        c.start(1, LoopbackCluster.withLog(1, 2));
        c.run(20);
        assertEquals(1, c.leader(), c.toString());
        assertEquals(2, c.machines.get(1L).txns.size());
        assertTrue(c.propose(1, new byte[] {9}));
        assertEquals(3, c.machines.get(1L).txns.size());
    }

    /** ZOOKEEPER-2845 / 1154: a txn only the old leader logged must be truncated, never applied. */
    @Test
    void orphanTxnOfACutOffLeaderIsTruncatedAndNeverApplied() {
        LoopbackCluster c = LoopbackCluster.elected(Set.of(1L, 2L, 3L), Set.of());
        long old = c.leader();
        assertTrue(c.propose(old, "committed".getBytes(StandardCharsets.UTF_8)));
        c.run(5);
        c.isolated.add(old);
        assertTrue(c.propose(old, "orphan".getBytes(StandardCharsets.UTF_8)), "still leading");
        long orphanZxid = c.peers.get(old).lastLoggedZxid();
        c.run(200);
        long now = c.leader();
        assertNotEquals(-1, now);
        assertNotEquals(old, now);
        assertTrue(c.propose(now, "after".getBytes(StandardCharsets.UTF_8)));
        c.run(5);
        c.isolated.clear();
        c.run(200);
        assertEquals(Role.FOLLOWING, c.peers.get(old).role(), c.toString());
        List<Txn> history = c.machines.get(now).txns;
        assertEquals(List.of("committed", "after"), history.stream()
                .map(t -> new String(t.payload(), StandardCharsets.UTF_8)).toList());
        for (long sid = 1; sid <= 3; sid++) {
            assertEquals(history, c.machines.get(sid).txns, "server " + sid);
            assertTrue(c.machines.get(sid).txns.stream().noneMatch(t -> t.zxid() == orphanZxid));
        }
        assertEquals(c.peers.get(now).lastLoggedZxid(), c.peers.get(old).lastLoggedZxid());
    }
}
