package dev.schism.node.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated frames against every server's client port of a 3-server ensemble while a normal
 * client keeps reading and writing: no server dies and the normal session never sees a state change.
 * {@code -Dfuzz.frames=N} sets the size (the *IT variant sends 100,000).
 */
class FrameFuzzTest {
    static void fuzzWhileAClientWorks(int frames, long seed) throws Exception {
        try (InJvmEnsemble ensemble = new InJvmEnsemble(3, 200)) {
            int[] ports = {ensemble.server(1).port, ensemble.server(2).port, ensemble.server(3).port};
            fuzzWhileAClientWorks(ports, frames, seed);
        }
    }

    /** Fuzzes the three client ports while a normal client on the second one works. */
    static void fuzzWhileAClientWorks(int[] ports, int frames, long seed) throws Exception {
        {
            List<Watcher.Event.KeeperState> states = new CopyOnWriteArrayList<>();
            // the normal client may move between servers, as any ZooKeeper client does; it starts on the second
            String connect = "127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[2];
            // 10 s asked (servers may negotiate it down): the client gives up on a server after 2/3 of it, and a
            // loaded 2-core machine running the fuzzer and three servers can stall a reply for seconds
            ZooKeeper normal = Clients.connect(connect, 10_000, e -> {
                if (e.getType() == Watcher.Event.EventType.None) {
                    states.add(e.getState());
                }
            });
            states.clear();
            try {
                normal.create("/normal", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger ops = new AtomicInteger();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                AtomicLong slowest = new AtomicLong();
                Thread worker = new Thread(() -> {
                    try {
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            byte[] v = Integer.toString(ops.incrementAndGet()).getBytes(StandardCharsets.UTF_8);
                            normal.setData("/normal", v, -1);
                            assertArrayEquals(v, normal.getData("/normal", false, null));
                            slowest.accumulateAndGet((System.nanoTime() - t0) / 1_000_000L, Math::max);
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }, "normal-client");
                worker.start();
                // one fuzzing thread, rotating over the three ports: a bounded, loopback-only loop
                FrameFuzzer[] fz = new FrameFuzzer[3];
                for (int i = 0; i < 3; i++) {
                    fz[i] = new FrameFuzzer(seed + i, ports[i]);
                }
                int sent = 0;
                for (int round = 0; sent < frames; round++) {
                    FrameFuzzer f = fz[round % 3];
                    int before = f.framesSent;
                    f.run(before + Math.min(500, frames - sent));
                    sent += f.framesSent - before;
                }
                stop.set(true);
                worker.join(10_000);
                assertTrue(!worker.isAlive(), "the normal client is stuck (seed " + seed + ")");
                long before = ops.get();
                normal.setData("/normal", new byte[] {1}, -1);
                assertArrayEquals(new byte[] {1}, normal.getData("/normal", false, null));
                assertEquals(null, failure.get(), "the normal client failed (seed " + seed + ")");
                assertTrue(before > 0, "normal client made no progress");
                assertEquals(List.of(), states, "the normal session noticed the fuzzing (seed " + seed + ")");
                for (int sid = 1; sid <= 3; sid++) {
                    assertEquals("imok", Clients.fourLetter(ports[sid - 1], "ruok", null));
                }
                System.out.printf("fuzz: %d frames over %d connections, normal client did %d write+read pairs"
                        + " (slowest %d ms)%n", fz[0].framesSent + fz[1].framesSent + fz[2].framesSent,
                        fz[0].connections + fz[1].connections + fz[2].connections, ops.get(), slowest.get());
            } finally {
                normal.close();
            }
        }
    }

    @Test
    void aFewThousandBadFramesDoNotDisturbANormalSession() throws Exception {
        fuzzWhileAClientWorks(Integer.getInteger("fuzz.frames", 6000), Long.getLong("fuzz.seed", 42L));
    }
}
