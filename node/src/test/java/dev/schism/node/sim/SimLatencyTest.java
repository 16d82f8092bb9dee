package dev.schism.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.core.zab.Ping;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateResponse;
import org.junit.jupiter.api.Test;

/**
 * The latency fault of the simulated network: peer messages take the asked ms ± jitter longer (whole ticks,
 * rounded up), the same seed delays them the same way, and clearing it restores the plain delay.
 */
class SimLatencyTest {

    /** Delivery delay in ticks of each of {@code n} pings sent one per tick. */
    private static List<Long> delays(SimNetwork net, int n) {
        List<Long> out = new ArrayList<>();
        for (long t = 0; t < n; t++) {
            net.send(t * 100, 1, 2, new Ping(1, 1, 0));
            for (long due = t * 100; ; due++) {
                if (!net.due(due).isEmpty()) {
                    out.add(due - t * 100);
                    break;
                }
            }
        }
        return out;
    }

    private static SimNetwork net(long seed) {
        SimNetwork net = new SimNetwork(new Random(seed));
        net.maxDelay = 0;
        return net;
    }

    @Test
    void peerMessagesTakeTheAskedLatencyPlusJitterAndClearingRestoresThem() {
        SimNetwork net = net(1);
        assertEquals(List.of(1L, 1L, 1L), delays(net, 3), "one tick without a fault");
        net.latency(300, 0);
        assertEquals(List.of(4L, 4L, 4L), delays(net, 3), "300 ms is three ticks more");
        net.latency(100, 50);
        List<Long> jittered = delays(net, 200);
        assertEquals(new TreeSet<>(List.of(2L, 3L)), new TreeSet<>(jittered), "100 ± 50 ms: 50-150 ms, one or two ticks more");
        net.latency(0, 0);
        assertEquals(List.of(1L, 1L, 1L), delays(net, 3));
        SimNetwork again = net(1);
        delays(again, 3);
        again.latency(300, 0);
        delays(again, 3);
        again.latency(100, 50);
        assertEquals(jittered, delays(again, 200), "the same seed delays the same messages alike");
    }

    /** Ticks until a create through n1 is answered, with a latency of {@code ms} set once the ensemble is up. */
    private static long commitTicks(SimCluster c, long ms) {
        for (int i = 0; i < 80; i++) {
            c.step();
        }
        SimSession s = c.openSession(1, 20_000);
        for (int i = 0; i < 20; i++) {
            c.step();
        }
        c.latency(ms, 0);
        int[] err = {Integer.MIN_VALUE};
        s.submit(OpCode.CREATE, new CreateRequest("/x", new byte[0], List.of(new ACL(31, new Id("world", "anyone"))), 0),
                CreateResponse::new, (e, r, zxid) -> err[0] = e);
        for (long t = 1; t < 200; t++) {
            c.step();
            if (err[0] != Integer.MIN_VALUE) {
                assertEquals(Err.OK, err[0]);
                return t;
            }
        }
        throw new AssertionError("the create was never answered");
    }

    @Test
    void aWriteWaitsForTheSlowerQuorumAndTheSameSeedReplaysTheSameTrace() {
        SimCluster plain = new SimCluster(3, 3, null, Noise.NONE);
        long fast = commitTicks(plain, 0);
        SimCluster slow = new SimCluster(3, 3, null, Noise.NONE);
        long slowTicks = commitTicks(slow, 500);
        assertTrue(slowTicks >= fast + 5, "a proposal and its ack each take 5 ticks more when n1 is a follower or the leader: "
                + fast + " ticks, then " + slowTicks);
        SimCluster slowAgain = new SimCluster(3, 3, null, Noise.NONE);
        assertEquals(slowTicks, commitTicks(slowAgain, 500));
        assertEquals(slow.traceHash(), slowAgain.traceHash(), "the same seed and latency: the same run");
        assertNotEquals(plain.traceHash(), slow.traceHash());
    }
}
