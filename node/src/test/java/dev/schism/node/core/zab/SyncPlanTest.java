package dev.schism.node.core.zab;

import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DIFF / TRUNC / SNAP decision table of reference §2.4. */
class SyncPlanTest {
    private static long z(long epoch, long counter) {
        return Zxid.make(epoch, counter);
    }

    /** Leader log: base (1,2), then (1,3) (1,4) (1,5) (3,1) (3,2). */
    private static TxnLog leaderLog() {
        List<Txn> txns = new ArrayList<>();
        for (long[] e : new long[][] {{1, 3}, {1, 4}, {1, 5}, {3, 1}, {3, 2}}) {
            txns.add(new Txn(z(e[0], e[1]), new byte[0]));
        }
        return new TxnLog(z(1, 2), txns);
    }

    private static void check(long peerLast, SyncMode mode, long truncateTo, long from) {
        SyncPlan plan = SyncPlan.decide(peerLast, leaderLog());
        assertEquals(new SyncPlan(mode, truncateTo, from), plan, "peer at " + Zxid.hex(peerLast));
    }

    @Test
    void peerEqualToLeaderGetsEmptyDiff() {
        check(z(3, 2), SyncMode.DIFF, -1, z(3, 2));
    }

    @Test
    void peerAheadOfLeaderIsTruncatedToLeadersLast() {
        check(z(3, 7), SyncMode.TRUNC, z(3, 2), z(3, 2));
        check(z(4, 1), SyncMode.TRUNC, z(3, 2), z(3, 2));
    }

    @Test
    void peerAheadWithNewEpochZxidGetsSnap() {
        check(z(4, 0), SyncMode.SNAP, -1, -1);
    }

    @Test
    void peerInsideTheWindowWithAKnownZxidGetsDiff() {
        check(z(1, 4), SyncMode.DIFF, -1, z(1, 4));
        check(z(3, 1), SyncMode.DIFF, -1, z(3, 1));
        check(z(1, 2), SyncMode.DIFF, -1, z(1, 2)); // exactly the base
    }

    @Test
    void peerWithTxnsTheLeaderNeverHadIsTruncatedWithinItsEpoch() {
        // (2,7) is not in the leader's log: TRUNC would go to (1,5), crossing an epoch boundary -> SNAP.
        check(z(2, 7), SyncMode.SNAP, -1, -1);
    }

    @Test
    void peerWithAnOrphanInTheSameEpochIsTruncatedToThePreviousZxid() {
        List<Txn> txns = new ArrayList<>();
        txns.add(new Txn(z(2, 1), new byte[0]));
        txns.add(new Txn(z(2, 2), new byte[0]));
        txns.add(new Txn(z(2, 5), new byte[0])); // a leader log with a hole: the peer's (2,3) is unknown
        TxnLog log = new TxnLog(z(1, 9), txns);
        assertEquals(new SyncPlan(SyncMode.TRUNC, z(2, 2), z(2, 2)), SyncPlan.decide(z(2, 3), log));
    }

    @Test
    void peerBehindTheWindowGetsSnap() {
        check(z(1, 1), SyncMode.SNAP, -1, -1);
        check(0, SyncMode.SNAP, -1, -1);
    }

    @Test
    void emptyPeerAgainstEmptyLeaderGetsEmptyDiff() {
        assertEquals(new SyncPlan(SyncMode.DIFF, -1, 0), SyncPlan.decide(0, new TxnLog(0, List.of())));
    }
}
