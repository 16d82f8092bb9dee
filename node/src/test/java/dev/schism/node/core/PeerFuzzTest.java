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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Well-formed but nonsensical packets (random epochs, zxids, sessions, sync plans) must never throw out
 * of the core: in the server an exception would stop the core thread. The ensemble keeps working.
 */
class PeerFuzzTest {

    @Test
    void randomPacketsNeverThrowAndTheEnsembleStillCommits() {
        for (long seed = 1; seed <= 20; seed++) {
            Random rnd = new Random(seed);
            LoopbackCluster c = new LoopbackCluster(Set.of(1L, 2L, 3L), Set.of(4L));
            for (long sid = 1; sid <= 4; sid++) {
                c.start(sid, LoopbackCluster.withLog(1, 1 + rnd.nextInt(3)));
            }
            for (int round = 0; round < 300; round++) {
                long target = 1 + rnd.nextInt(4);
                Peer p = c.peers.get(target);
                Message m = randomMessage(rnd, target);
                try {
                    p.step(m);
                    c.drain(target);
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + m + " to " + p + " threw " + e, e);
                }
                if (round % 10 == 0) {
                    c.run(1);
                }
                if (rnd.nextInt(5) == 0) {
                    c.propose(1 + (long) rnd.nextInt(4), new byte[] {(byte) round});
                }
            }
            c.run(200);
            long leader = c.leader();
            assertNotEquals(-1, leader, "seed " + seed + ": " + c);
        }
    }

    private static Message randomMessage(Random rnd, long target) {
        long from = 1 + rnd.nextInt(4);
        if (from == target) {
            from = target % 4 + 1;
        }
        long epoch = rnd.nextInt(4);
        long attempt = rnd.nextInt(3);
        long zxid = Zxid.make(rnd.nextInt(4), rnd.nextInt(6));
        Txn txn = new Txn(zxid, new byte[] {1});
        return switch (rnd.nextInt(14)) {
            case 0 -> new Notification(from, Role.values()[rnd.nextInt(4)], 1 + rnd.nextInt(5), zxid,
                    rnd.nextInt(5), epoch, 2);
            case 1 -> new FollowerInfo(from, epoch, attempt, rnd.nextBoolean());
            case 2 -> new LeaderInfo(from, epoch, attempt);
            case 3 -> new AckEpoch(from, epoch, attempt, rnd.nextInt(3) - 1, zxid);
            case 4 -> {
                List<Txn> txns = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    txns.add(new Txn(Zxid.make(rnd.nextInt(4), rnd.nextInt(6)), new byte[0]));
                }
                SyncMode mode = SyncMode.values()[rnd.nextInt(3)];
                Snapshot snap = mode == SyncMode.SNAP ? new Snapshot(zxid, new byte[0]) : null;
                yield new SyncMessage(from, epoch, attempt, mode, Zxid.make(rnd.nextInt(3), rnd.nextInt(4)),
                        Zxid.make(rnd.nextInt(3), rnd.nextInt(4)), snap, txns, zxid);
            }
            case 5 -> new NewLeader(from, epoch, attempt);
            case 6 -> new Ack(from, epoch, attempt, zxid);
            case 7 -> new UpToDate(from, epoch, zxid);
            case 8 -> new Proposal(from, epoch, txn);
            case 9 -> new Commit(from, epoch, zxid);
            case 10 -> new Inform(from, epoch, txn);
            case 11 -> new Ping(from, epoch, zxid);
            case 12 -> new Request(from, epoch, attempt, rnd.nextInt(5), new byte[] {2});
            default -> new Ack(from, epoch, attempt, Zxid.make(epoch, 0));
        };
    }
}
