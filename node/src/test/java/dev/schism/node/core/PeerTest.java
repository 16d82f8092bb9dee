package dev.schism.node.core;

import dev.schism.node.core.election.Notification;
import dev.schism.node.core.zab.Ack;
import dev.schism.node.core.zab.FollowerInfo;
import dev.schism.node.core.zab.LeaderInfo;
import dev.schism.node.core.zab.NewLeader;
import dev.schism.node.core.zab.SyncMessage;
import dev.schism.node.core.zab.SyncMode;
import dev.schism.node.core.zab.UpToDate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One peer driven packet by packet, to pin orderings the scenario tests cannot force. */
class PeerTest {
    private final PeerConfig config = new PeerConfig(1, Set.of(1L, 2L, 3L), Set.of(), 50, 200, 10, 5);
    private final LoopbackCluster.Applied machine = new LoopbackCluster.Applied();

    /** Makes peer 1 decide to follow 2: 2 and 3 vote for 2 in round 1. */
    private Peer followerOfTwo() {
        Peer p = new Peer(config, LoopbackCluster.fresh(), machine);
        p.ready();
        p.step(new Notification(2, Role.LOOKING, 2, 0, 1, 0, 2));
        for (int i = 0; i < 10 && p.role() == Role.LOOKING; i++) {
            p.tick();
        }
        assertEquals(Role.FOLLOWING, p.role(), p.toString());
        assertEquals(2, p.leader());
        return p;
    }

    @Test
    void leaderWithTheSeededBugEstablishesAloneThenGivesItsLearnersInitLimit() {
        Peer p = new Peer(new PeerConfig(3, Set.of(1L, 2L, 3L), Set.of(), 50, 200, 10, 5), LoopbackCluster.fresh(), machine);
        p.injectBug("establish-without-quorum");
        p.ready();
        p.step(new Notification(2, Role.LOOKING, 3, 0, 1, 0, 2));
        for (int i = 0; i < 10 && p.role() == Role.LOOKING; i++) {
            p.tick();
        }
        assertEquals(Role.LEADING, p.role(), p.toString());
        assertTrue(p.serving(), "established before any learner even connected: " + p);
        assertEquals(1, p.epoch());
        int ticks = 0;
        while (p.role() == Role.LEADING && ticks < 1000) {
            p.tick();
            ticks++;
        }
        // initLimit 10 x tickTime 200 ms = 40 ticks of 50 ms for learners to sync; with none, it gives up then
        assertTrue(ticks > 40 && ticks <= 45, "left LEADING after " + ticks + " ticks: " + p);
        assertEquals(Role.LOOKING, p.role());
    }

    @Test
    void learnerWhoseLeaderFollowsSomeoneElseLooksAgainAtOnce() {
        Peer p = followerOfTwo();
        assertTrue(sent(p.ready(), FollowerInfo.class), "asks 2 to lead it");
        p.step(new Notification(2, Role.FOLLOWING, 3, 0, 2, 1, 2));
        assertEquals(Role.LOOKING, p.role(), "no need to wait out initLimit: " + p);
    }

    @Test
    void learnerKeepsWaitingForALeaderThatIsStillFinalizingItsOwnVote() {
        Peer p = followerOfTwo();
        p.step(new Notification(2, Role.LOOKING, 2, 0, 1, 0, 2));
        assertEquals(Role.FOLLOWING, p.role());
    }

    @Test
    void newLeaderIsAckedOnlyOnceTheSyncedHistoryIsDurable() {
        Peer p = followerOfTwo();
        p.ready();
        long attempt = 1;
        p.step(new LeaderInfo(2, 1, attempt));
        Ready promised = p.ready();
        assertEquals(1, promised.acceptedEpoch(), "acceptedEpoch is persisted with the ACKEPOCH");
        Txn t = new Txn(Zxid.make(1, 1), new byte[] {1});
        p.step(new SyncMessage(2, 1, attempt, SyncMode.DIFF, 0, -1, null, List.of(t), 0));
        p.step(new NewLeader(2, 1, attempt));
        Ready first = p.ready();
        Ready second = p.ready();
        assertEquals(List.of(t), first.toLog().isEmpty() ? second.toLog() : first.toLog(), "the DIFF is logged");
        assertFalse(sent(first, Ack.class) || sent(second, Ack.class),
                "no NEWLEADER ack before fsync");
        assertEquals(-1, Math.max(first.currentEpoch(), second.currentEpoch()),
                "currentEpoch not before the history is durable (ZOOKEEPER-4643)");
        p.persisted(t.zxid());
        Ready acked = p.ready();
        assertEquals(1, acked.currentEpoch());
        assertTrue(sent(acked, Ack.class));
        assertTrue(machine.txns.isEmpty(), "nothing applied before the leader says it is committed");
    }

    @Test
    void unknownBugNamesAreRejected() {
        Peer p = new Peer(config, LoopbackCluster.fresh(), machine);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.injectBug("nope"));
        assertTrue(e.getMessage().contains("establish-without-quorum"), e.getMessage());
    }

    @Test
    void inconsistentEpochsRefuseToStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Peer(config, new DurableState(1, 2, null, List.of()), machine));
        assertTrue(e.getMessage().contains("acceptedEpoch 1 is below currentEpoch 2"), e.getMessage());
    }

    /**
     * A shell may collect several inputs into one Ready. If a learner's commits are still in the batch when it
     * installs an older snapshot (from a new leader that had applied less than it), those commits must not be
     * applied on top of the snapshot: the core forgets them with the snapshot and commits them again later.
     */
    @Test
    void commitsOfTheSameBatchAboveAnInstalledSnapshotAreNotAppliedTwice() {
        Peer p = followerOfTwo();
        List<Txn> applied = new ArrayList<>();
        execute(p, applied);
        Txn t1 = new Txn(Zxid.make(1, 1), new byte[] {1});
        Txn t2 = new Txn(Zxid.make(1, 2), new byte[] {2});
        p.step(new LeaderInfo(2, 1, 1));
        p.step(new SyncMessage(2, 1, 1, SyncMode.DIFF, 0, -1, null, List.of(t1, t2), 0));
        p.step(new NewLeader(2, 1, 1));
        execute(p, applied);
        p.step(new UpToDate(2, 1, t2.zxid()));
        assertTrue(p.serving(), p.toString());
        // Without collecting that batch: 2 turns out to follow 3, which leads and syncs us from its snapshot at t1.
        p.step(new Notification(2, Role.FOLLOWING, 3, 0, 2, 1, 2));
        p.step(new Notification(3, Role.LEADING, 3, 0, 2, 1, 2));
        assertEquals(3, p.leader(), p.toString());
        p.step(new LeaderInfo(3, 2, 2));
        p.step(new SyncMessage(3, 2, 2, SyncMode.SNAP, t2.zxid(), -1, new Snapshot(t1.zxid(), new byte[0]),
                List.of(t2), t1.zxid()));
        execute(p, applied, t1, t2);
        p.step(new NewLeader(3, 2, 2));
        execute(p, applied);
        p.step(new UpToDate(3, 2, t2.zxid()));
        execute(p, applied);
        assertTrue(p.serving(), p.toString());
        assertEquals(List.of(t1, t2), applied, "each committed txn applied once, in order");
    }

    /**
     * Runs the peer's batches the way a shell does: restore, log (instantly durable), apply. A snapshot
     * restores the state machine to the prefix of {@code history} it covers.
     */
    private static void execute(Peer p, List<Txn> applied, Txn... history) {
        for (Ready r = p.ready(); !r.isEmpty(); r = p.ready()) {
            if (r.snapshotToInstall() != null) {
                long at = r.snapshotToInstall().zxid();
                applied.clear();
                for (Txn t : history) {
                    if (t.zxid() <= at) {
                        applied.add(t);
                    }
                }
            }
            if (!r.toLog().isEmpty()) {
                p.persisted(r.toLog().get(r.toLog().size() - 1).zxid());
            }
            applied.addAll(r.committed());
        }
    }

    private static boolean sent(Ready r, Class<?> type) {
        return r.messages().stream().anyMatch(e -> type.isInstance(e.message()));
    }
}
