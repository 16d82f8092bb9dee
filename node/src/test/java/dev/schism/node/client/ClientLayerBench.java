package dev.schism.node.client;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * Benchmark (not a test): the client layer's own cost, on an in-JVM ensemble whose "replication" is a
 * perfect in-memory broadcast — so the figures bound what the client port adds, not ZAB or fsync.
 * Prints sync round trips/s and 32-outstanding async setData/s against one server.
 */
public final class ClientLayerBench {
    private ClientLayerBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        try (InJvmEnsemble e = new InJvmEnsemble(3, 200)) {
            ZooKeeper zk = Clients.connect("127.0.0.1:" + e.server(2).port, 4000, null);
            zk.create("/bench", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            long sync = 0;
            while (System.nanoTime() < end) {
                zk.setData("/bench", new byte[100], -1);
                sync++;
            }
            System.out.printf("sync setData round trips: %.0f/s%n", sync / (double) seconds);
            Semaphore window = new Semaphore(32);
            AtomicLong done = new AtomicLong();
            end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                window.acquire();
                zk.setData("/bench", new byte[100], -1, (rc, p, ctx, st) -> {
                    done.incrementAndGet();
                    window.release();
                }, null);
            }
            window.acquire(32);
            System.out.printf("async setData, 32 outstanding: %.0f/s%n", done.get() / (double) seconds);
            zk.close();
        }
    }
}
