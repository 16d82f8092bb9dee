package dev.schism.node.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.schism.node.core.Txn;
import dev.schism.node.tree.DataTree;
import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.OpCode;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The leader's expiry bookkeeping and the followers' touch pacing, against a fake clock (plain longs). */
class SessionTrackerTest {
    private static final long A = 0x0100000000000001L;
    private static final long B = 0x0100000000000002L;
    private long zxid = 0x100000000L;

    private void createSession(DataTree tree, long id, int timeoutMs) {
        byte[] body = ByteBuffer.allocate(4).putInt(timeoutMs).array();
        tree.apply(new Txn(++zxid, new ClientTxn(1, id, 0, OpCode.CREATE_SESSION, 0, body).encode()));
    }

    @Test
    void theLeaderExpiresOnlyWhatWasNotTouchedWithinItsTimeout() {
        DataTree tree = new DataTree();
        createSession(tree, A, 3000);
        createSession(tree, B, 6000);
        SessionTracker t = new SessionTracker(1, 0, 2000, 40000);
        assertEquals(List.of(), t.expired(tree, true, 1000)); // becomes leader: everyone gets a full timeout
        t.touchLocal(A, tree, 3500);
        assertEquals(List.of(), t.expired(tree, true, 4000));
        assertEquals(List.of(), t.expired(tree, true, 6500)); // A's deadline is 3500 + 3000
        assertEquals(List.of(A), t.expired(tree, true, 6501));
        assertEquals(List.of(), t.expired(tree, true, 6600), "proposed once per timeout, not every tick");
        assertEquals(List.of(B), t.expired(tree, true, 7001));
        assertEquals(List.of(A), t.expired(tree, true, 9600), "re-proposed if the first proposal was lost");
    }

    @Test
    void aNewLeaderGivesEverySessionAFreshTimeoutAndFollowersNeverExpire() {
        DataTree tree = new DataTree();
        createSession(tree, A, 3000);
        SessionTracker t = new SessionTracker(2, 0, 2000, 40000);
        assertEquals(List.of(), t.expired(tree, false, 100_000), "a follower decides nothing");
        assertEquals(List.of(), t.expired(tree, true, 200_000), "a new leader starts every clock afresh");
        assertEquals(List.of(A), t.expired(tree, true, 203_001));
        t.expired(tree, false, 203_002);
        assertEquals(List.of(), t.expired(tree, true, 203_003), "leading again: fresh timeouts again");
    }

    @Test
    void followersReportEachSessionAtMostOncePerThirdOfItsTimeout() {
        DataTree tree = new DataTree();
        createSession(tree, A, 3000);
        SessionTracker t = new SessionTracker(2, 0, 2000, 40000);
        t.expired(tree, false, 0);
        t.touchLocal(A, tree, 0);
        assertEquals(List.of(A), t.drainTouches(tree, 0));
        t.touchLocal(A, tree, 500);
        assertEquals(List.of(), t.drainTouches(tree, 500));
        assertEquals(List.of(A), t.drainTouches(tree, 1000), "still queued, due now");
        assertEquals(List.of(), t.drainTouches(tree, 5000), "no activity, nothing to report");
    }

    @Test
    void idsCarryTheServerAndPasswordsAreDerivedFromTheId() {
        SessionTracker t = new SessionTracker(3, 1_700_000_000_000L, 2000, 40000);
        long first = t.newSessionId();
        assertEquals(3, first >>> 56);
        assertNotEquals(first, t.newSessionId());
        assertEquals(java.util.Arrays.toString(SessionTracker.password(first)),
                java.util.Arrays.toString(SessionTracker.password(first)));
        assertEquals(2000, t.negotiate(10));
        assertEquals(40000, t.negotiate(60000));
        assertEquals(5000, t.negotiate(5000));
    }
}
