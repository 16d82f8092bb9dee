package dev.schism.node.client;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.node.client.session.SessionTracker;
import dev.schism.node.txn.Jute;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions across a 3-server in-JVM ensemble (leader = server 1): expiry decided by the leader only,
 * touches forwarded by followers, reconnection to another server, Expired answers, stale clients refused.
 */
class SessionTest {
    private static final int TICK = 200;
    private InJvmEnsemble ensemble;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (ensemble != null) {
            ensemble.close();
        }
    }

    private ZooKeeper client(String connect, int timeout, Watcher w) throws Exception {
        ZooKeeper zk = Clients.connect(connect, timeout, w);
        closeables.add(zk);
        return zk;
    }

    @Test
    void sameWithTouchesForwardedBesideTheLog() throws Exception {
        ensemble = new InJvmEnsemble(3, TICK);
        ensemble.touchesBesideTheLog = true;
        partitionedClientExpires();
    }

    @Test
    void aPartitionedClientsSessionExpiresOnEveryServerAndTheClientSeesExpired() throws Exception {
        ensemble = new InJvmEnsemble(3, TICK);
        partitionedClientExpires();
    }

    private void partitionedClientExpires() throws Exception {
        CuttableProxy proxy = new CuttableProxy(ensemble.server(2).port);
        closeables.add(proxy);
        LinkedBlockingQueue<Watcher.Event.KeeperState> states = new LinkedBlockingQueue<>();
        ZooKeeper victim = client("127.0.0.1:" + proxy.port(), 1200, e -> states.add(e.getState()));
        victim.create("/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        // the session outlives several timeouts while the follower forwards its touches
        Thread.sleep(3 * 1200);
        ZooKeeper observer1 = client("127.0.0.1:" + ensemble.server(1).port, 4000, null);
        ZooKeeper observer3 = client("127.0.0.1:" + ensemble.server(3).port, 4000, null);
        assertNotNull(observer1.exists("/eph", false), "a live session's ephemeral vanished");
        LinkedBlockingQueue<WatchedEvent> deleted = new LinkedBlockingQueue<>();
        observer3.exists("/eph", deleted::add);
        proxy.cut();
        WatchedEvent gone = deleted.poll(10, TimeUnit.SECONDS);
        assertNotNull(gone, "ephemeral of the partitioned session never deleted");
        assertEquals(Watcher.Event.EventType.NodeDeleted, gone.getType());
        assertNull(observer1.exists("/eph", false));
        assertNull(ensemble.server(2).onCore(() -> ensemble.server(2).tree.node("/eph")));
        proxy.heal();
        await("client never told its session expired").atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO)
                .until(() -> states.poll(1, TimeUnit.SECONDS) == Watcher.Event.KeeperState.Expired);
    }

    @Test
    void aSessionMovesToAnotherServerWithItsEphemerals() throws Exception {
        ensemble = new InJvmEnsemble(3, TICK);
        String connect = "127.0.0.1:" + ensemble.server(2).port + ",127.0.0.1:" + ensemble.server(3).port;
        ZooKeeper zk = client(connect, 2000, null);
        zk.create("/mine", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        long session = zk.getSessionId();
        // kill whichever follower the client is on; it reconnects to the other with the same session
        boolean onTwo = Clients.fourLetter(ensemble.server(2).port, "srvr", null).contains("\nConnections: 1\n");
        InJvmEnsemble.Server current = onTwo ? ensemble.server(2) : ensemble.server(3);
        current.kill();
        Thread.sleep(3000);
        assertEquals(session, zk.getSessionId());
        assertNotNull(zk.exists("/mine", false), "session or ephemeral lost while moving servers");
        zk.close();
        closeables.remove(zk);
        ZooKeeper check = client("127.0.0.1:" + ensemble.server(1).port, 4000, null);
        assertNull(check.exists("/mine", false));
    }

    @Test
    void watchesFollowASessionToAnotherServerThroughSetWatches() throws Exception {
        ensemble = new InJvmEnsemble(3, TICK);
        ZooKeeper writer = client("127.0.0.1:" + ensemble.server(1).port, 4000, null);
        for (String p : List.of("/sw-data", "/sw-same", "/sw-kids", "/sw-gone")) {
            writer.create(p, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        CuttableProxy toTwo = new CuttableProxy(ensemble.server(2).port);
        closeables.add(toTwo);
        String connect = "127.0.0.1:" + toTwo.port() + ",127.0.0.1:" + ensemble.server(3).port;
        LinkedBlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
        ZooKeeper watcher = client(connect, 4000, null);
        // make sure it sits on server 2 (behind the proxy) before arming
        while (!Clients.fourLetter(ensemble.server(2).port, "srvr", null).contains("\nConnections: 1\n")) {
            watcher.close();
            closeables.remove(watcher);
            watcher = client(connect, 4000, null);
        }
        watcher.getData("/sw-data", events::add, null);
        watcher.getData("/sw-same", events::add, null);
        watcher.getChildren("/sw-kids", events::add);
        watcher.exists("/sw-new", events::add);
        watcher.exists("/sw-gone", events::add);
        toTwo.cut();
        // changes while the watcher is away: each must come back as its event on reconnect
        writer.setData("/sw-data", new byte[] {1}, -1);
        writer.create("/sw-kids/k", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.create("/sw-new", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.delete("/sw-gone", -1);
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 4; i++) {
            WatchedEvent e = events.poll(15, TimeUnit.SECONDS);
            assertNotNull(e, "missing replayed events; got " + seen);
            seen.add(e.getType() + " " + e.getPath());
        }
        assertEquals(new java.util.TreeSet<>(List.of("NodeChildrenChanged /sw-kids", "NodeCreated /sw-new",
                "NodeDataChanged /sw-data", "NodeDeleted /sw-gone")), seen);
        // the unchanged watch was re-armed on the new server and still fires once
        writer.setData("/sw-same", new byte[] {2}, -1);
        WatchedEvent same = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(same, "re-armed watch did not fire");
        assertEquals("NodeDataChanged /sw-same", same.getType() + " " + same.getPath());
        assertNull(events.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void unknownSessionsGetZooKeepersExpiredAnswerAndStaleClientsAreRefused() throws Exception {
        ensemble = new InJvmEnsemble(1, TICK);
        int port = ensemble.server(1).port;
        ConnectResponse r = rawConnect(port, new ConnectRequest(0, 0, 4000, 0x1234L, new byte[16], false));
        assertNotNull(r);
        assertEquals(0, r.getTimeOut());
        assertEquals(0, r.getSessionId());
        assertArrayEquals(new byte[16], r.getPasswd());
        ConnectResponse gone = rawConnect(port, new ConnectRequest(0, 0, 4000, 0x1234L,
                SessionTracker.password(0x1234L), false));
        assertEquals(0, gone.getSessionId(), "a well-formed but unknown session is decided in log order: expired");
        assertEquals(0, gone.getTimeOut());
        ConnectResponse fresh = rawConnect(port, new ConnectRequest(0, 0, 999_999, 0, new byte[16], false));
        assertEquals(20 * TICK, fresh.getTimeOut(), "timeout clamped to maxSessionTimeout");
        assertArrayEquals(SessionTracker.password(fresh.getSessionId()), fresh.getPasswd());
        assertEquals(1L, fresh.getSessionId() >>> 56, "server id in the top byte");
        ConnectResponse wrongPassword = rawConnect(port, new ConnectRequest(0, 0, 4000, fresh.getSessionId(),
                new byte[16], false));
        assertEquals(0, wrongPassword.getSessionId());
        assertNull(rawConnect(port, new ConnectRequest(0, 0x7fff_0000_0000L, 4000, 0, new byte[16], false)),
                "a client that has seen a later zxid must be refused");
    }

    /** Sends a ConnectRequest on a raw socket; returns the response, or null if the server just closed. */
    private static ConnectResponse rawConnect(int port, ConnectRequest req) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            byte[] body = Jute.toBytes(req);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(body.length);
            out.write(body);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len;
            try {
                len = in.readInt();
            } catch (java.io.EOFException e) {
                return null;
            }
            byte[] reply = new byte[len];
            in.readFully(reply);
            return Jute.read(reply, new ConnectResponse());
        }
    }
}
