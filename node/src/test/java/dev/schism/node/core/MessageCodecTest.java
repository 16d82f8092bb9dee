package dev.schism.node.core;

import dev.schism.node.core.election.Notification;
import dev.schism.node.core.zab.Ack;
import dev.schism.node.core.zab.AckEpoch;
import dev.schism.node.core.zab.Commit;
import dev.schism.node.core.zab.FollowerInfo;
import dev.schism.node.core.zab.Inform;
import dev.schism.node.core.zab.LeaderInfo;
import dev.schism.node.core.zab.NewLeader;
import dev.schism.node.core.zab.Ping;
import dev.schism.node.core.zab.Proposal;
import dev.schism.node.core.zab.Request;
import dev.schism.node.core.zab.SyncMessage;
import dev.schism.node.core.zab.SyncMode;
import dev.schism.node.core.zab.UpToDate;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageCodecTest {
    private static final Txn T1 = new Txn(Zxid.make(2, 1), new byte[] {1, 2, 3});
    private static final Txn T2 = new Txn(Zxid.make(2, 2), new byte[0]);

    static List<Message> samples() {
        return List.of(
                new Notification(1, Role.LOOKING, 3, Zxid.make(2, 7), 5, 2, 2),
                new Notification(2, Role.OBSERVING, Long.MIN_VALUE, Long.MIN_VALUE, 1, Long.MIN_VALUE, 2),
                new FollowerInfo(2, 4, 7, false),
                new FollowerInfo(4, 4, 1, true),
                new LeaderInfo(1, 5, 7),
                new AckEpoch(2, 5, 7, -1, Zxid.make(4, 3)),
                new SyncMessage(1, 5, 7, SyncMode.DIFF, Zxid.make(2, 0), -1, null, List.of(T1, T2), T1.zxid()),
                new SyncMessage(1, 5, 7, SyncMode.TRUNC, Zxid.make(2, 9), Zxid.make(2, 2), null, List.of(), 0),
                new SyncMessage(1, 5, 7, SyncMode.SNAP, 0, -1, new Snapshot(T1.zxid(), new byte[] {9, 9}),
                        List.of(T2), T2.zxid()),
                new NewLeader(1, 5, 7),
                new Ack(2, 5, 7, Zxid.make(5, 0)),
                new UpToDate(1, 5, Zxid.make(5, 0)),
                new Proposal(1, 5, T1),
                new Commit(1, 5, T1.zxid()),
                new Inform(1, 5, T2),
                new Ping(1, 5, T2.zxid()),
                new Request(3, 5, 7, 42, new byte[] {7, 7, 7}));
    }

    @Test
    void everyMessageRoundTrips() {
        for (Message m : samples()) {
            byte[] bytes = MessageCodec.encode(m);
            Message back = MessageCodec.decode(bytes);
            assertEquals(m.getClass(), back.getClass());
            assertEquals(m.toString(), back.toString());
            assertEquals(m.from(), back.from());
            assertEquals(m.election(), back.election());
            assertArrayEquals(bytes, MessageCodec.encode(back), "stable encoding of " + m);
            if (!(m instanceof Request) && !(m instanceof SyncMessage)) {
                assertEquals(m, back); // records without arrays compare by value
            }
        }
    }

    @Test
    void payloadsSurviveExactly() {
        Request r = (Request) MessageCodec.decode(MessageCodec.encode(new Request(3, 5, 7, 42, new byte[] {7, 8})));
        assertArrayEquals(new byte[] {7, 8}, r.payload());
        SyncMessage s = (SyncMessage) MessageCodec.decode(MessageCodec.encode(samples().get(8)));
        assertArrayEquals(new byte[] {9, 9}, s.snapshot().data());
        assertEquals(List.of(T2), s.txns());
    }

    @Test
    void everyTruncationIsRejectedWithTheFieldNamed() {
        for (Message m : samples()) {
            byte[] bytes = MessageCodec.encode(m);
            for (int len = 0; len < bytes.length; len++) {
                byte[] cut = Arrays.copyOf(bytes, len);
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> MessageCodec.decode(cut), "accepted a " + len + "-byte prefix of " + m);
                assertTrue(len == 0 || e.getMessage().contains("field") || e.getMessage().contains("count"),
                        e.getMessage());
            }
        }
    }

    @Test
    void garbageIsRejectedWithAReason() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.decode(new byte[] {99, 0, 0}));
        assertTrue(unknown.getMessage().contains("unknown message type 99"), unknown.getMessage());
        byte[] ping = MessageCodec.encode(new Ping(1, 2, 3));
        byte[] longer = Arrays.copyOf(ping, ping.length + 2);
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.decode(longer));
        assertTrue(trailing.getMessage().contains("2 trailing bytes"), trailing.getMessage());
        byte[] badState = MessageCodec.encode(new Notification(1, Role.LOOKING, 1, 0, 1, 0, 2));
        badState[9] = 7;
        IllegalArgumentException state = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.decode(badState));
        assertTrue(state.getMessage().contains("'state'"), state.getMessage());
        byte[] proposal = MessageCodec.encode(new Proposal(1, 5, T1));
        proposal[25] = (byte) 0xff; // payload length becomes negative
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> MessageCodec.decode(proposal));
        assertTrue(negative.getMessage().contains("txn.payload"), negative.getMessage());
    }
}
