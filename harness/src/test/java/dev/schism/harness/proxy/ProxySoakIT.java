package dev.schism.harness.proxy;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Soak (Failsafe, {@code mvn verify}): 400 concurrent connections echo random messages for 20 s while a churn
 * thread adds, updates and removes every toxic type that keeps data intact (latency, slicer, bandwidth,
 * slow_close) at random; no byte may be lost, reordered or
 * corrupted, and once the sockets close the proxy holds no connection.
 */
class ProxySoakIT extends ProxyTestSupport {
    private static final int CONNECTIONS = 400;
    private static final int WORKERS = 8;
    private static final long RUN_MILLIS = 20_000;

    @Test
    void manyConnectionsSurviveToxicChurn() throws Exception {
        Proxy p = echoProxy("soak");
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Socket s = connect(p);
            s.setSoTimeout(30_000);
            sockets.add(s);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong echoed = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            List<Socket> mine = sockets.subList(w * CONNECTIONS / WORKERS, (w + 1) * CONNECTIONS / WORKERS);
            Random random = new Random(w);
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        for (Socket s : mine) {
                            byte[] msg = new byte[1 + random.nextInt(8192)];
                            random.nextBytes(msg);
                            s.getOutputStream().write(msg);
                            assertArrayEquals(msg, s.getInputStream().readNBytes(msg.length));
                            echoed.addAndGet(msg.length);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "soak-worker-" + w);
            t.start();
            workers.add(t);
        }
        Random churn = new Random(99);
        long end = System.nanoTime() + RUN_MILLIS * 1_000_000L;
        int changes = 0;
        while (System.nanoTime() < end && failure.get() == null) {
            String name = "t" + churn.nextInt(6);
            ToxicDirection dir = churn.nextBoolean() ? ToxicDirection.UPSTREAM : ToxicDirection.DOWNSTREAM;
            if (p.toxics().getAll().stream().anyMatch(t -> t.getName().equals(name))) {
                if (churn.nextInt(3) == 0) {
                    p.toxics().get(name).setToxicity(churn.nextFloat());
                } else {
                    p.toxics().get(name).remove();
                }
            } else {
                switch (churn.nextInt(4)) {
                    case 0:
                        p.toxics().latency(name, dir, churn.nextInt(5)).setJitter(churn.nextInt(3));
                        break;
                    case 1:
                        p.toxics().slicer(name, dir, 64 + churn.nextInt(1024), churn.nextInt(32)).setDelay(churn.nextInt(50));
                        break;
                    case 2:
                        p.toxics().bandwidth(name, dir, 5_000 + churn.nextInt(50_000));
                        break;
                    default:
                        p.toxics().slowClose(name, dir, churn.nextInt(100));
                        break;
                }
            }
            changes++;
            Thread.sleep(churn.nextInt(20));
        }
        client.reset();
        stop.set(true);
        for (Thread t : workers) {
            t.join(60_000);
        }
        assertNull(failure.get(), () -> "a connection broke: " + failure.get());
        System.out.printf("soak: %d connections, %d toxic changes, %.1f MB echoed intact%n", CONNECTIONS, changes,
                echoed.get() / 1e6);
        assertTrue(changes > 100);
        for (Socket s : sockets) {
            assertEcho(s, "after");
        }
        assumeEmbedded();
        assertEquals(CONNECTIONS, server.liveConnections("soak"));
        for (Socket s : sockets) {
            s.close();
        }
        await("no connection leaks after the sockets close").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).until(() -> server.liveConnections("soak") == 0);
    }

}
