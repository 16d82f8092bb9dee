package dev.schism.node.core;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch stays executable in Ready's fixed order whatever order the core asked for things in. */
class OutboxTest {
    private static Txn t(long counter) {
        return new Txn(Zxid.make(1, counter), new byte[0]);
    }

    private static final Message PING = new dev.schism.node.core.zab.Ping(1, 1, 0);

    @Test
    void truncateAfterAppendsOfTheSameBatchDropsThemInsteadOfCuttingTheDisk() {
        Outbox o = new Outbox();
        o.append(t(5));
        o.append(t(6));
        o.append(t(7));
        o.truncate(Zxid.make(1, 5));
        Ready r = o.drain();
        assertEquals(List.of(t(5)), r.toLog());
        assertEquals(-1, r.truncateTo(), "nothing on disk needs cutting");
    }

    @Test
    void truncateBelowThePendingAppendsCutsTheDiskAndForgetsThem() {
        Outbox o = new Outbox();
        o.truncate(Zxid.make(1, 4));
        o.append(t(5));
        o.truncate(Zxid.make(1, 2));
        o.append(t(3));
        Ready r = o.drain();
        assertEquals(Zxid.make(1, 2), r.truncateTo());
        assertEquals(List.of(t(3)), r.toLog());
        assertTrue(r.mustSync());
    }

    @Test
    void snapshotReplacesEarlierAppendsTruncationsAndCoveredApplies() {
        Outbox o = new Outbox();
        o.append(t(9));
        o.truncate(Zxid.make(1, 8));
        o.commit(t(2));
        o.commit(t(6));
        o.installSnapshot(new Snapshot(Zxid.make(1, 4), new byte[0]));
        o.append(t(5));
        Ready r = o.drain();
        assertEquals(Zxid.make(1, 4), r.snapshotToInstall().zxid());
        assertEquals(-1, r.truncateTo());
        assertEquals(List.of(t(5)), r.toLog());
        assertTrue(r.committed().isEmpty(), "the snapshot already contains (1,2); (1,6) is committed again later");
    }

    @Test
    void messagesLeaveInABatchOfTheirOwnAheadOfTheAppends() {
        Outbox o = new Outbox();
        o.acceptedEpoch(3);
        o.append(t(1));
        o.send(2, PING);
        o.commit(t(1));
        Ready first = o.drain();
        assertEquals(List.of(new Envelope(2, PING)), first.messages());
        assertEquals(3, first.acceptedEpoch(), "epochs are written before the messages that rely on them");
        assertTrue(first.toLog().isEmpty());
        assertFalse(first.mustSync());
        Ready second = o.drain();
        assertEquals(List.of(t(1)), second.toLog());
        assertEquals(List.of(t(1)), second.committed());
        assertTrue(second.messages().isEmpty());
        assertEquals(-1, second.acceptedEpoch());
        assertTrue(o.drain().isEmpty());
        assertNull(o.drain().snapshotToInstall());
    }
}
