package dev.schism.node.process;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three real node processes on 127.0.0.1, driven with the official ZooKeeper client, killed with SIGKILL.
 */
class ThreeServerEnsembleIT {
    private static final Duration STABLE = Duration.ofSeconds(60);
    private static final Duration CONNECT = Duration.ofSeconds(30);

    static Ensemble.Builder nodes() {
        Ensemble.Builder b = Ensemble.builder();
        Path jar = Ensemble.shadedJar();
        return jar == null ? b : b.jar(jar);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Reads every key through a client connected to {@code sid} only (after sync, so it has caught up). */
    private static void assertHasAll(Ensemble e, long sid, List<String> keys) throws Exception {
        try (ZooKeeper c = Clients.connect(e.connectString(sid), CONNECT)) {
            CompletableFuture<Void> synced = new CompletableFuture<>();
            c.sync("/", (rc, path, ctx) -> synced.complete(null), null);
            synced.get();
            for (String k : keys) {
                byte[] v = c.getData(k, false, null);
                assertEquals(k, new String(v, StandardCharsets.UTF_8), "s" + sid + " " + k);
            }
        }
    }

    private static List<String> write(ZooKeeper c, String prefix, int from, int to) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String k = prefix + i;
            Clients.retry(STABLE, () -> {
                try {
                    return c.create(k, bytes(k), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                } catch (KeeperException.NodeExistsException ex) {
                    return k; // an earlier attempt went through before the connection dropped
                }
            });
            keys.add(k);
        }
        return keys;
    }

    @Test
    void writeReadEverywhereSurviveLeaderKillAndCatchUp() throws Exception {
        try (Ensemble e = nodes().build()) {
            try {
                e.startAll();
                long leader = e.awaitStable(STABLE);
                List<String> keys;
                try (ZooKeeper c = Clients.connect(e.connectString(), CONNECT)) {
                    keys = new ArrayList<>(write(c, "/k", 0, 20));
                }
                for (long sid : e.sids()) {
                    assertHasAll(e, sid, keys);
                }

                e.kill(leader);
                long next = e.awaitStable(STABLE);
                assertNotEquals(leader, next, "a killed leader cannot lead");
                for (long sid : e.sids()) {
                    if (sid != leader) {
                        assertHasAll(e, sid, keys);
                    }
                }
                try (ZooKeeper c = Clients.connect(e.connectString(), CONNECT)) {
                    keys.addAll(write(c, "/k", 20, 40));
                }

                e.start(leader);
                e.awaitStable(STABLE);
                assertHasAll(e, leader, keys);
                Journals.assertWellFormedAndOneLeaderPerEpoch(e);

                assertEquals(143, e.terminate(leader), "SIGTERM: the JVM's status after a clean shutdown");
                assertTrue(e.log(leader).contains("server " + leader + " stopped"), "shutdown hook ran");
            } catch (Throwable t) {
                System.out.println(e.logTails(80));
                throw t;
            }
        }
    }

    @Test
    void killAndRestartEveryServerInTurnLosesNothingAcknowledged() throws Exception {
        try (Ensemble e = nodes().build()) {
            try {
                e.startAll();
                e.awaitStable(STABLE);
                Set<String> acked = new ConcurrentSkipListSet<>();
                AtomicBoolean stop = new AtomicBoolean();
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    int i = 0;
                    try (ZooKeeper c = Clients.connect(e.connectString(), CONNECT)) {
                        while (!stop.get()) {
                            String k = "/r" + i++;
                            try {
                                c.create(k, bytes(k), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                                acked.add(k);
                            } catch (KeeperException.ConnectionLossException | KeeperException.SessionMovedException
                                     | KeeperException.OperationTimeoutException ex) {
                                Thread.sleep(50); // outcome unknown: neither counted nor required
                            } catch (KeeperException.SessionExpiredException ex) {
                                return;
                            }
                        }
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                });
                for (long sid : e.sids()) {
                    Ensemble.sleep(1500);
                    e.kill(sid);
                    Ensemble.sleep(500);
                    e.start(sid);
                    e.awaitStable(STABLE);
                }
                Ensemble.sleep(1500);
                stop.set(true);
                writer.get();
                assertTrue(acked.size() > 10, "the writer made progress: " + acked.size());
                try (ZooKeeper c = Clients.connect(e.connectString(), CONNECT)) {
                    Set<String> present = new TreeSet<>();
                    for (String child : c.getChildren("/", false)) {
                        present.add("/" + child);
                    }
                    Set<String> lost = new TreeSet<>(acked);
                    lost.removeAll(present);
                    assertEquals(Set.of(), lost, "acknowledged creates missing after " + acked.size() + " acks");
                }
                for (long sid : e.sids()) {
                    assertHasAll(e, sid, new ArrayList<>(acked));
                }
                Journals.assertWellFormedAndOneLeaderPerEpoch(e);
            } catch (Throwable t) {
                System.out.println(e.logTails(80));
                throw t;
            }
        }
    }

    @Test
    void oversizedOrGarbageClientFramesCloseOnlyThatConnection() throws Exception {
        try (Ensemble e = nodes().build()) {
            try {
                e.startAll();
                long leader = e.awaitStable(STABLE);
                long sid = e.sids().stream().filter(s -> s != leader).findFirst().orElseThrow();
                try (ZooKeeper c = Clients.connect(e.connectString(sid), CONNECT)) {
                    c.create("/before", bytes("x"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    try (Socket big = new Socket("127.0.0.1", e.server(sid).clientPort)) {
                        DataOutputStream out = new DataOutputStream(big.getOutputStream());
                        out.writeInt(2 << 20);
                        out.write(new byte[64 * 1024]);
                        out.flush();
                        big.setSoTimeout(10_000);
                        assertTrue(drainsToEof(big), "a 2 MiB frame header closes the connection");
                    }
                    try (Socket junk = new Socket("127.0.0.1", e.server(sid).clientPort)) {
                        DataOutputStream out = new DataOutputStream(junk.getOutputStream());
                        out.writeInt(40);
                        out.write(bytes("this is not a jute ConnectRequest at all!"));
                        out.flush();
                        junk.setSoTimeout(10_000);
                        assertTrue(drainsToEof(junk), "a malformed connect request closes the connection");
                    }
                    c.create("/after", bytes("y"), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    assertEquals("x", new String(c.getData("/before", false, null), StandardCharsets.UTF_8));
                }
                assertEquals("follower", e.mode(sid));
            } catch (Throwable t) {
                System.out.println(e.logTails(80));
                throw t;
            }
        }
    }

    private static boolean drainsToEof(Socket s) {
        try {
            byte[] buf = new byte[4096];
            while (s.getInputStream().read(buf) >= 0) {
                // the server may answer before closing; we only care that it closes
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true; // closed with RST because our unread bytes were discarded
        } catch (java.io.IOException timeout) {
            return false;
        }
    }
}
