package dev.schism.node.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateResponse;
import org.apache.zookeeper.proto.GetChildrenRequest;
import org.apache.zookeeper.proto.GetChildrenResponse;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetDataResponse;
import org.apache.zookeeper.proto.WatcherEvent;
import org.apache.zookeeper.Watcher;
import org.junit.jupiter.api.Test;

/**
 * The simulated ensemble with its client path: sessions created through the real client layer, writes
 * committed through ZAB and answered on the server the client is connected to, failover after the server dies
 * (what was in flight ends with CONNECTIONLOSS), and expiry of a session whose client went away.
 */
class SimClusterTest {
    private static final List<ACL> OPEN = List.of(new ACL(31, new Id("world", "anyone")));

    private static int[] create(SimSession s, String path) {
        int[] result = {Integer.MIN_VALUE};
        s.submit(OpCode.CREATE, new CreateRequest(path, new byte[0], OPEN, 0), CreateResponse::new,
                (err, r, zxid) -> result[0] = err);
        return result;
    }

    private static void run(SimCluster c, int ticks) {
        for (int i = 0; i < ticks; i++) {
            c.step();
        }
    }

    @Test
    void writesAreCommittedAndReadBackThroughAnyServer() {
        SimCluster c = new SimCluster(1, 3, null, Noise.NONE);
        run(c, 60);
        assertNotEquals(0, c.leader(), "a leader within 6 simulated seconds");
        SimSession a = c.openSession(1, 6000);
        SimSession b = c.openSession(3, 6000);
        int[] made = create(a, "/x");
        run(c, 20);
        assertEquals(Err.OK, made[0]);
        List<String> children = new ArrayList<>();
        b.submit(OpCode.GET_CHILDREN, new GetChildrenRequest("/", false), GetChildrenResponse::new,
                (err, r, zxid) -> children.addAll(((GetChildrenResponse) r).getChildren()));
        run(c, 20);
        assertTrue(children.contains("x"), "n3 sees the znode made through n1: " + children);
        assertNotEquals(a.sessionId(), b.sessionId());
    }

    /** The server's watch path in the simulator: a data watch set through n1 fires once when n3's client writes. */
    @Test
    void aWatchFiresOnceWhenAnotherClientChangesTheZnode() {
        SimCluster c = new SimCluster(1, 3, null, Noise.NONE);
        run(c, 60);
        SimSession a = c.openSession(1, 6000);
        SimSession b = c.openSession(3, 6000);
        create(a, "/w");
        run(c, 20);
        List<WatcherEvent> events = new ArrayList<>();
        a.onWatchEvent(events::add);
        a.submit(OpCode.GET_DATA, new GetDataRequest("/w", true), GetDataResponse::new, (err, r, zxid) -> { });
        run(c, 10);
        for (int i = 0; i < 2; i++) {
            b.submit(OpCode.SET_DATA, new SetDataRequest("/w", new byte[] {(byte) i}, -1), SetDataResponse::new, (err, r, zxid) -> { });
            run(c, 20);
        }
        assertEquals(1, events.size(), "one notification for the one-shot watch: " + events);
        assertEquals(Watcher.Event.EventType.NodeDataChanged.getIntValue(), events.get(0).getType());
        assertEquals("/w", events.get(0).getPath());
    }

    @Test
    void aClientFailsOverWhenItsServerDiesAndItsInFlightWriteIsUnknown() {
        SimCluster c = new SimCluster(2, 3, null, Noise.NONE);
        run(c, 60);
        long home = c.leader() == 1 ? 2 : 1;
        SimSession s = c.openSession(home, 6000);
        run(c, 10);
        long id = s.sessionId();
        assertTrue(s.connected());
        int[] lost = create(s, "/lost");
        c.crash(home);
        run(c, 5);
        assertEquals(SimSession.CONNECTION_LOSS, lost[0]);
        run(c, 40);
        assertTrue(s.connected(), "reconnected: " + s);
        assertNotEquals(home, s.server());
        assertEquals(id, s.sessionId(), "the same session on another server");
        int[] again = create(s, "/again");
        run(c, 20);
        assertEquals(Err.OK, again[0]);
    }

    @Test
    void aSessionWhoseClientWentAwayExpiresAndItsEphemeralGoes() {
        SimCluster c = new SimCluster(3, 3, null, Noise.NONE);
        run(c, 60);
        SimSession gone = c.openSession(1, 2000);
        int[] made = {Integer.MIN_VALUE};
        gone.submit(OpCode.CREATE, new CreateRequest("/eph", new byte[0], OPEN, 1), CreateResponse::new,
                (err, r, zxid) -> made[0] = err);
        run(c, 20);
        assertEquals(Err.OK, made[0]);
        SimSession watcher = c.openSession(2, 6000);
        assertTrue(children(c, watcher).contains("eph"));
        gone.close();
        run(c, 15); // well inside its 2 s timeout
        assertTrue(children(c, watcher).contains("eph"), "not expired before its timeout");
        run(c, 30);
        assertTrue(!children(c, watcher).contains("eph"), "the leader expired the session and its ephemeral");
    }

    private static List<String> children(SimCluster c, SimSession s) {
        List<String> out = new ArrayList<>();
        s.submit(OpCode.GET_CHILDREN, new GetChildrenRequest("/", false), GetChildrenResponse::new,
                (err, r, zxid) -> out.addAll(((GetChildrenResponse) r).getChildren()));
        run(c, 10);
        return out;
    }
}
