package dev.schism.harness.backend;

import dev.schism.harness.nemesis.ProcessControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The backends side by side (a main, not a test: it prints figures and never fails on them): for each of
 * {@code local} and {@code docker}, a 3-node cluster's time to a leader, acknowledged setData/s from one
 * official client with 32 outstanding 100-byte writes through the client proxy, and the time from killing
 * the leader to the next acknowledged write (p50 and max over the given number of kills). Local is the
 * baseline of the ratios. Args: [seconds of writes=10] [kills=10] [backends=local,docker].
 */
public final class BackendBenchmark {
    private BackendBenchmark() {
    }

    record Figures(double readySeconds, double writesPerSecond, double failoverP50Ms, double failoverMaxMs) {
        @Override
        public String toString() {
            return String.format("ready %.1f s, %.0f writes/s, failover p50 %.0f ms max %.0f ms", readySeconds, writesPerSecond, failoverP50Ms, failoverMaxMs);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> backends = List.of((args.length > 2 ? args[2] : "local,docker").split(","));
        List<Figures> all = new ArrayList<>();
        for (String b : backends) {
            Figures f = measure(b, seconds, kills);
            System.out.println(b + ": " + f);
            all.add(f);
        }
        if (all.size() == 2) {
            Figures l = all.get(0);
            Figures d = all.get(1);
            System.out.printf("%s/%s: ready x%.2f, writes/s x%.2f, failover p50 x%.2f%n", backends.get(1), backends.get(0),
                    d.readySeconds() / l.readySeconds(), d.writesPerSecond() / l.writesPerSecond(), d.failoverP50Ms() / l.failoverP50Ms());
        }
    }

    static Figures measure(String backend, int seconds, int kills) throws Exception {
        Path dir = Files.createTempDirectory("schism-bench-" + backend);
        try (Cluster c = Backends.create(backend, new ClusterRequest(3, dir, Optional.empty(), ClusterRequest.defaultConfig(),
                Optional.empty(), Optional.empty(), Optional.empty(), 1, System.out))) {
            long t0 = System.nanoTime();
            c.start();
            String leader = c.awaitLeader(Duration.ofSeconds(60));
            double ready = (System.nanoTime() - t0) / 1e9;
            String writer = c.nodes().stream().filter(n -> !n.equals(leader)).findFirst().orElseThrow();
            ZooKeeper zk = connect(c.clientAddress(writer));
            zk.create("/bench", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            double tput = throughput(zk, seconds);
            zk.close();
            List<Double> failovers = new ArrayList<>();
            ProcessControl p = c.target().processes().orElseThrow();
            for (int k = 0; k < kills; k++) {
                String l = c.awaitLeader(Duration.ofSeconds(60));
                String survivor = c.nodes().stream().filter(n -> !n.equals(l)).findFirst().orElseThrow();
                ZooKeeper s = connect(c.clientAddress(survivor));
                s.setData("/bench", new byte[100], -1);
                long kill = System.nanoTime();
                p.kill(l);
                while (!written(s)) {
                    Thread.sleep(5);
                }
                failovers.add((System.nanoTime() - kill) / 1e6);
                s.close();
                p.start(l);
                awaitFollowers(c, 2);
            }
            Collections.sort(failovers);
            return new Figures(ready, tput, failovers.get(failovers.size() / 2), failovers.get(failovers.size() - 1));
        }
    }

    private static boolean written(ZooKeeper zk) throws InterruptedException {
        try {
            zk.setData("/bench", new byte[100], -1);
            return true;
        } catch (KeeperException e) {
            return false; // connection loss while the ensemble elects: try again
        }
    }

    private static void awaitFollowers(Cluster c, int followers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long n = c.nodes().stream().filter(x -> modeOf(c, x).equals("follower")).count();
            if (n >= followers && c.leader().isPresent()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the restarted node did not rejoin within 60 s");
    }

    private static String modeOf(Cluster c, String node) {
        String[] hp = c.clientAddress(node).split(":");
        return FourLetterWords.mode(new java.net.InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 1000).orElse("");
    }

    private static double throughput(ZooKeeper zk, int seconds) throws Exception {
        Semaphore window = new Semaphore(32);
        AtomicLong acked = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            window.acquire();
            zk.setData("/bench", new byte[100], -1, (rc, path, ctx, stat) -> {
                if (rc == 0) {
                    acked.incrementAndGet();
                }
                window.release();
            }, null);
        }
        window.acquire(32);
        return acked.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static ZooKeeper connect(String address) throws Exception {
        ZooKeeper zk = new ZooKeeper(address, 10_000, e -> { });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!zk.getState().isConnected() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return zk;
    }
}
