package dev.schism.node.client;

import java.io.File;
import java.nio.file.Files;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * Benchmark (not a test) of the client port alone: a standalone Schism client layer (in-JVM core
 * stand-in, no disk) against a standalone Apache ZooKeeper 3.9.4 server in the same JVM with
 * {@code zookeeper.forceSync=no}, both driven by the official client the same way, measured in the same
 * run. Prints sync setData round trips/s and async setData/s with 32 outstanding, and the ratios.
 * Usage: {@code ClientLayerBench [seconds]}.
 */
public final class ClientLayerBench {
    private ClientLayerBench() {
    }

    /** Figures of one target: sync round trips/s, async writes/s. */
    private record Figures(double sync, double async) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.setProperty("zookeeper.forceSync", "no");
        Figures zk;
        File dir = Files.createTempDirectory("zk-bench").toFile();
        ZooKeeperServer server = new ZooKeeperServer(dir, dir, 200);
        ServerCnxnFactory factory = ServerCnxnFactory.createFactory(0, 1000);
        factory.startup(server);
        try {
            zk = measure("127.0.0.1:" + factory.getLocalPort(), seconds);
        } finally {
            factory.shutdown();
            server.shutdown();
        }
        Figures schism;
        try (InJvmEnsemble e = new InJvmEnsemble(1, 200)) {
            schism = measure(e.connectString(), seconds);
        }
        System.out.printf("sync setData round trips/s: schism %.0f, zookeeper %.0f, ratio %.2f%n", schism.sync(),
                zk.sync(), schism.sync() / zk.sync());
        System.out.printf("async setData/s (32 outstanding): schism %.0f, zookeeper %.0f, ratio %.2f%n",
                schism.async(), zk.async(), schism.async() / zk.async());
    }

    private static Figures measure(String connect, int seconds) throws Exception {
        ZooKeeper zk = Clients.connect(connect, 4000, null);
        try {
            zk.create("/bench", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            // warm-up, then measure
            run(zk, 1, true);
            double sync = run(zk, seconds, true);
            run(zk, 1, false);
            double async = run(zk, seconds, false);
            return new Figures(sync, async);
        } finally {
            zk.close();
        }
    }

    private static double run(ZooKeeper zk, int seconds, boolean sync) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        if (sync) {
            long n = 0;
            while (System.nanoTime() < end) {
                zk.setData("/bench", new byte[100], -1);
                n++;
            }
            return n / (double) seconds;
        }
        Semaphore window = new Semaphore(32);
        AtomicLong done = new AtomicLong();
        while (System.nanoTime() < end) {
            window.acquire();
            zk.setData("/bench", new byte[100], -1, (rc, p, ctx, st) -> {
                done.incrementAndGet();
                window.release();
            }, null);
        }
        window.acquire(32);
        return done.get() / (double) seconds;
    }
}
