package dev.schism.node.client;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The official ZooKeeper 3.9.4 client against one in-JVM server (real sockets, real client layer). */
class ClientProtocolTest {
    private static final byte[] EMPTY = new byte[0];
    private InJvmEnsemble ensemble;
    private final List<ZooKeeper> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        ensemble = new InJvmEnsemble(1, 200);
    }

    @AfterEach
    void stop() throws Exception {
        for (ZooKeeper zk : clients) {
            zk.close();
        }
        ensemble.close();
    }

    private ZooKeeper client() throws Exception {
        ZooKeeper zk = Clients.connect(ensemble.connectString());
        clients.add(zk);
        return zk;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void basicReadsAndWritesWithZooKeepersErrors() throws Exception {
        ZooKeeper zk = client();
        assertEquals("/a", zk.create("/a", b("one"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        Stat stat = new Stat();
        assertArrayEquals(b("one"), zk.getData("/a", false, stat));
        assertEquals(0, stat.getVersion());
        Stat after = zk.setData("/a", b("two"), 0);
        assertEquals(1, after.getVersion());
        assertEquals(stat.getCzxid(), after.getCzxid());
        assertTrue(after.getMzxid() > stat.getMzxid());
        assertThrows(KeeperException.BadVersionException.class, () -> zk.setData("/a", b("x"), 0));
        assertThrows(KeeperException.NodeExistsException.class,
                () -> zk.create("/a", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertThrows(KeeperException.NoNodeException.class,
                () -> zk.create("/x/y", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        zk.create("/a/c1", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/a/c2", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        List<String> children = new ArrayList<>(zk.getChildren("/a", false));
        Collections.sort(children);
        assertEquals(List.of("c1", "c2"), children);
        Stat parent = new Stat();
        assertEquals(2, zk.getChildren("/a", false, parent).size());
        assertEquals(2, parent.getNumChildren());
        assertEquals(2, parent.getCversion());
        assertThrows(KeeperException.NotEmptyException.class, () -> zk.delete("/a", -1));
        zk.delete("/a/c1", 0);
        assertNull(zk.exists("/a/c1", false));
        assertNotNull(zk.exists("/a", false));
        zk.sync("/a");
        assertThrows(KeeperException.NoNodeException.class, () -> zk.getData("/nope", false, null));
        assertThrows(KeeperException.BadArgumentsException.class, () -> zk.delete("/zookeeper", -1));
        assertEquals(List.of("zookeeper", "a"), sortedDesc(zk.getChildren("/", false)));
    }

    private static List<String> sortedDesc(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(Collections.reverseOrder());
        return out;
    }

    @Test
    void pipelinedReadsSeeTheWritesQueuedBeforeThem() throws Exception {
        ZooKeeper zk = client();
        zk.create("/p", b("0"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        int n = 200;
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger wrong = new AtomicInteger();
        for (int i = 1; i <= n; i++) {
            int expected = i;
            zk.setData("/p", b(Integer.toString(i)), -1, (rc, path, ctx, stat) -> { }, null);
            zk.getData("/p", false, (rc, path, ctx, data, stat) -> {
                if (rc != 0 || stat.getVersion() != expected) {
                    wrong.incrementAndGet();
                }
                done.countDown();
            }, null);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, wrong.get(), "a read overtook the write queued before it");
    }

    @Test
    void watchesFireOnceWithZooKeepersEventTypes() throws Exception {
        ZooKeeper watcher = client();
        ZooKeeper writer = client();
        LinkedBlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
        Watcher w = events::add;
        assertNull(watcher.exists("/w", w));
        writer.create("/w", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertEvent(events.poll(5, TimeUnit.SECONDS), Watcher.Event.EventType.NodeCreated, "/w");
        watcher.getData("/w", w, null);
        watcher.getChildren("/w", w);
        writer.setData("/w", b("x"), -1);
        assertEvent(events.poll(5, TimeUnit.SECONDS), Watcher.Event.EventType.NodeDataChanged, "/w");
        writer.setData("/w", b("y"), -1); // one-shot: no second event
        writer.create("/w/k", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertEvent(events.poll(5, TimeUnit.SECONDS), Watcher.Event.EventType.NodeChildrenChanged, "/w");
        watcher.getData("/w/k", w, null);
        watcher.getChildren("/w", w);
        writer.delete("/w/k", -1);
        WatchedEvent a = events.poll(5, TimeUnit.SECONDS);
        WatchedEvent c = events.poll(5, TimeUnit.SECONDS);
        assertEvent(a, Watcher.Event.EventType.NodeDeleted, "/w/k");
        assertEvent(c, Watcher.Event.EventType.NodeChildrenChanged, "/w");
        assertNull(events.poll(300, TimeUnit.MILLISECONDS));
    }

    private static void assertEvent(WatchedEvent e, Watcher.Event.EventType type, String path) {
        assertNotNull(e, "no " + type + " event");
        assertEquals(type, e.getType());
        assertEquals(path, e.getPath());
        assertEquals(Watcher.Event.KeeperState.SyncConnected, e.getState());
    }

    @Test
    void persistentAndRecursiveWatchesKeepFiring() throws Exception {
        ZooKeeper watcher = client();
        ZooKeeper writer = client();
        LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
        watcher.addWatch("/tree", e -> events.add(e.getType() + " " + e.getPath()),
                org.apache.zookeeper.AddWatchMode.PERSISTENT_RECURSIVE);
        watcher.addWatch("/flat", e -> events.add("flat " + e.getType() + " " + e.getPath()),
                org.apache.zookeeper.AddWatchMode.PERSISTENT);
        writer.create("/tree", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.create("/tree/a", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.setData("/tree/a", b("x"), -1);
        writer.setData("/tree/a", b("y"), -1);
        writer.delete("/tree/a", -1);
        writer.create("/flat", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.create("/flat/k", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        writer.setData("/flat/k", b("z"), -1);
        List<String> expected = List.of("NodeCreated /tree", "NodeCreated /tree/a", "NodeDataChanged /tree/a",
                "NodeDataChanged /tree/a", "NodeDeleted /tree/a", "flat NodeCreated /flat",
                "flat NodeChildrenChanged /flat");
        List<String> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String e = events.poll(5, TimeUnit.SECONDS);
            assertNotNull(e, "missing events after " + got);
            got.add(e);
        }
        assertEquals(expected, got);
        assertNull(events.poll(300, TimeUnit.MILLISECONDS), "a recursive watch fired for a grandchild's data of /flat");
    }

    @Test
    void aWatchEventArrivesBeforeTheReplyToALaterRequest() throws Exception {
        ZooKeeper watcher = client();
        ZooKeeper writer = client();
        writer.create("/order", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        for (int i = 0; i < 20; i++) {
            AtomicInteger fired = new AtomicInteger();
            watcher.getData("/order", e -> fired.incrementAndGet(), null);
            writer.setData("/order", b("v" + i), -1);
            CompletableResult seen = new CompletableResult();
            // callbacks and watch events share the client's event thread, in arrival order
            watcher.getData("/order", false, (rc, path, ctx, data, stat) -> seen.complete(fired.get()), null);
            assertEquals(1, seen.await(), "watch event must precede the later reply");
        }
    }

    /** A tiny one-shot result holder. */
    private static final class CompletableResult {
        private final CountDownLatch latch = new CountDownLatch(1);
        private final AtomicInteger value = new AtomicInteger();

        void complete(int v) {
            value.set(v);
            latch.countDown();
        }

        int await() throws InterruptedException {
            assertTrue(latch.await(5, TimeUnit.SECONDS));
            return value.get();
        }
    }

    @Test
    void ephemeralAndSequentialNodes() throws Exception {
        ZooKeeper owner = client();
        ZooKeeper other = client();
        owner.create("/seq", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertEquals("/seq/n-0000000000",
                owner.create("/seq/n-", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL_SEQUENTIAL));
        assertEquals("/seq/n-0000000001",
                other.create("/seq/n-", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_SEQUENTIAL));
        assertThrows(KeeperException.NoChildrenForEphemeralsException.class, () -> other.create(
                "/seq/n-0000000000/x", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        Stat st = other.exists("/seq/n-0000000000", false);
        assertEquals(owner.getSessionId(), st.getEphemeralOwner());
        assertEquals(List.of("/seq/n-0000000000"), owner.getEphemerals("/seq"));
        LinkedBlockingQueue<WatchedEvent> events = new LinkedBlockingQueue<>();
        other.exists("/seq/n-0000000000", events::add);
        owner.close();
        clients.remove(owner);
        WatchedEvent e = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(e);
        assertEquals(Watcher.Event.EventType.NodeDeleted, e.getType());
        assertNull(other.exists("/seq/n-0000000000", false));
        assertNotNull(other.exists("/seq/n-0000000001", false));
    }

    @Test
    void multiIsAtomicAndReportsPerOpResults() throws Exception {
        ZooKeeper zk = client();
        zk.create("/m", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        KeeperException e = assertThrows(KeeperException.class, () -> zk.multi(List.of(
                Op.create("/m/a", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.check("/m", 5),
                Op.delete("/m/none", -1))));
        assertEquals(KeeperException.Code.BADVERSION, e.code());
        List<OpResult> results = e.getResults();
        assertEquals(3, results.size());
        assertEquals(0, ((OpResult.ErrorResult) results.get(0)).getErr());
        assertEquals(KeeperException.Code.BADVERSION.intValue(), ((OpResult.ErrorResult) results.get(1)).getErr());
        assertEquals(KeeperException.Code.RUNTIMEINCONSISTENCY.intValue(),
                ((OpResult.ErrorResult) results.get(2)).getErr());
        assertNull(zk.exists("/m/a", false));
        List<OpResult> ok = zk.multi(List.of(
                Op.create("/m/a", b("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT),
                Op.check("/m", 0),
                Op.setData("/m/a", b("y"), 0),
                Op.delete("/m/a", 1)));
        assertEquals("/m/a", ((OpResult.CreateResult) ok.get(0)).getPath());
        assertEquals(1, ((OpResult.SetDataResult) ok.get(2)).getStat().getVersion());
        assertTrue(ok.get(3) instanceof OpResult.DeleteResult);
        assertNull(zk.exists("/m/a", false));
    }

    @Test
    void lessCommonOpsAnswerAsZooKeeperDoes() throws Exception {
        ZooKeeper zk = client();
        zk.create("/r", b("root"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/r/a", b("A"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        zk.create("/r/a/b", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        assertEquals(2, zk.getAllChildrenNumber("/r"));
        List<OpResult> reads = zk.multi(List.of(Op.getData("/r/a"), Op.getChildren("/r"), Op.getData("/none")));
        assertArrayEquals(b("A"), ((OpResult.GetDataResult) reads.get(0)).getData());
        assertEquals(List.of("a"), ((OpResult.GetChildrenResult) reads.get(1)).getChildren());
        assertEquals(KeeperException.Code.NONODE.intValue(), ((OpResult.ErrorResult) reads.get(2)).getErr());
        Stat aclStat = new Stat();
        assertEquals(ZooDefs.Ids.OPEN_ACL_UNSAFE, zk.getACL("/r", aclStat));
        assertEquals(0, aclStat.getAversion());
        assertEquals(1, zk.setACL("/r", ZooDefs.Ids.READ_ACL_UNSAFE, 0).getAversion());
        // world:anyone:r leaves no ADMIN, which ZooKeeper checks before the version
        assertThrows(KeeperException.NoAuthException.class, () -> zk.setACL("/r", ZooDefs.Ids.OPEN_ACL_UNSAFE, 0));
        assertEquals(ZooDefs.Ids.READ_ACL_UNSAFE, zk.getACL("/r", null));
        Watcher w = e -> { };
        zk.getData("/r/a", w, null);
        zk.removeWatches("/r/a", w, Watcher.WatcherType.Data, false);
        assertThrows(KeeperException.NoWatcherException.class,
                () -> zk.removeWatches("/r/a", w, Watcher.WatcherType.Data, false));
        assertThrows(KeeperException.NoAuthException.class, () -> zk.create("/zookeeper/config/x", EMPTY,
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
        assertEquals(0, zk.getData("/zookeeper/config", false, null).length,
                "no server list in /zookeeper/config, so Curator keeps its connect string");
        assertThrows(KeeperException.UnimplementedException.class, () -> zk.create("/ttl", EMPTY,
                ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT_WITH_TTL, null, 1000));
    }

    @Test
    void containersAreReapedOnceEmpty() throws Exception {
        ZooKeeper zk = client();
        zk.create("/box", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.CONTAINER);
        zk.create("/box/item", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        Thread.sleep(600);
        assertNotNull(zk.exists("/box", false), "a container with a child stays");
        zk.delete("/box/item", -1);
        await("empty container not reaped").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> zk.exists("/box", false) == null);
    }

    @Test
    void adminWordsInZooKeepersShapes() throws Exception {
        ZooKeeper zk = client();
        zk.create("/n", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        int port = ensemble.server(1).port;
        assertEquals("imok", Clients.fourLetter(port, "ruok", null));
        String srvr = Clients.fourLetter(port, "srvr", null);
        assertTrue(srvr.startsWith("Zookeeper version: "), srvr);
        assertTrue(srvr.contains("\nMode: standalone\n"), srvr);
        assertTrue(srvr.contains("\nNode count: 6\n"), srvr);
        assertTrue(Clients.fourLetter(port, "stat", null).contains("\nClients:\n"));
        assertTrue(srvr.matches("(?s).*\nZxid: 0x[0-9a-f]+\n.*"), srvr);
        String mntr = Clients.fourLetter(port, "mntr", null);
        assertTrue(mntr.contains("zk_server_state\tstandalone\n"), mntr);
        assertTrue(mntr.contains("zk_znode_count\t6\n"), mntr);
        zk.create("/n/e", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
        zk.exists("/n", true);
        String dump = Clients.fourLetter(port, "dump", null);
        assertTrue(dump.startsWith("SessionTracker dump:\n"), dump);
        assertTrue(dump.contains("0x" + Long.toHexString(zk.getSessionId()) + ":\n\t/n/e\n"), dump);
        assertEquals("1 connections watching 1 paths\nTotal watches:1\n", Clients.fourLetter(port, "wchs", null));
        assertTrue(Clients.fourLetter(port, "cons", null).contains("sid=0x" + Long.toHexString(zk.getSessionId())));
        String clok = Clients.fourLetter(port, "clok", ByteBuffer.allocate(8).putLong(1500).array());
        assertEquals("clock offset 1500\n", clok);
    }

    @Test
    void framesOverOneMebibyteCloseOnlyThatConnection() throws Exception {
        ZooKeeper zk = client();
        zk.create("/big", EMPTY, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", ensemble.server(1).port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(ByteBuffer.allocate(4).putInt(1024 * 1024 + 1).array());
            s.getOutputStream().flush();
            assertEquals(-1, s.getInputStream().read(), "server should close the oversized connection");
        }
        AtomicReference<byte[]> data = new AtomicReference<>(zk.getData("/big", false, null));
        assertEquals(0, data.get().length);
    }
}
