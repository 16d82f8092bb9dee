package dev.schism.node.process;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput and failover of a three-server Schism ensemble beside a three-server Apache ZooKeeper ensemble
 * (3.9.4 from the test class path, or the release {@code bin/node-benchmark} resolved), both as separate processes on this machine, measured the same way from outside with the
 * official client. tickTime=2000, initLimit=10, syncLimit=5, fsync on.
 * <ul>
 *   <li>(a) one client keeps 32 async setData of 100 bytes outstanding for {@code seconds} → writes/s;</li>
 *   <li>(b) SIGKILL the leader, time until the next write is acknowledged; {@code kills} times → p50, max.</li>
 * </ul>
 * Run with {@code bin/node-benchmark [seconds] [kills] [schism|zookeeper|both] [zookeeper version]} (see README). Prints figures and ratios; never fails on
 * timing.
 */
public final class EnsembleBenchmark {
    private static final Pattern GROUP_COMMIT = Pattern.compile("group commit: (\\d+) records in (\\d+) fsyncs");

    record Figures(String name, double writesPerSec, long writes, List<Long> failoverMs, String extra) {
        long p50() {
            List<Long> s = new ArrayList<>(failoverMs);
            Collections.sort(s);
            return s.isEmpty() ? -1 : s.get((s.size() - 1) / 2);
        }

        long max() {
            return failoverMs.stream().mapToLong(Long::longValue).max().orElse(-1);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String only = args.length > 2 ? args[2] : "both";
        List<String> jvm = List.of("-Xms256m", "-Xmx512m");
        Figures schism = null;
        Figures zk = null;
        if (!only.equals("zookeeper")) {
            Path jar = Ensemble.shadedJar();
            if (jar == null) {
                throw new IllegalStateException("node/target/schism-node.jar is missing: run mvn package first");
            }
            schism = measure("schism", Ensemble.builder().jar(jar).jvmArgs(jvm), seconds, kills);
        }
        if (!only.equals("schism")) {
            zk = measure("zookeeper-" + System.getProperty("schism.zookeeper.version", "3.9.4"), Ensemble.builder().flavor(Ensemble.Flavor.ZOOKEEPER).jvmArgs(jvm),
                    seconds, kills);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-16s %12s %14s %14s  %s%n", "ensemble", "writes/s", "failover p50", "failover max",
                "notes");
        for (Figures f : new Figures[] {schism, zk}) {
            if (f != null) {
                System.out.printf(Locale.ROOT, "%-16s %12.0f %11d ms %11d ms  %s%n", f.name(), f.writesPerSec(), f.p50(),
                        f.max(), f.extra());
            }
        }
        if (schism != null && zk != null) {
            System.out.printf(Locale.ROOT, "ratio schism/zookeeper: throughput x%.2f, failover p50 x%.2f, max x%.2f"
                            + " (lower failover is better)%n", schism.writesPerSec() / zk.writesPerSec(),
                    (double) schism.p50() / zk.p50(), (double) schism.max() / zk.max());
        }
    }

    private static Figures measure(String name, Ensemble.Builder builder, int seconds, int kills) throws Exception {
        try (Ensemble e = builder.timing(2000, 10, 5).build()) {
            e.startAll();
            e.awaitStable(Duration.ofSeconds(90));
            System.out.println("== " + name + ": ensemble up in " + e.root());
            double rate;
            long writes;
            try (ZooKeeper c = Clients.connect(e.connectString(), Duration.ofSeconds(30))) {
                c.create("/bench", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                long[] r = throughput(c, seconds);
                writes = r[0];
                rate = r[0] * 1e9 / r[1];
                System.out.printf(Locale.ROOT, "%s (a): %d writes in %.1f s = %.0f writes/s%n", name, r[0], r[1] / 1e9, rate);
            }
            String extra = groupCommit(e);
            List<Long> failover = failover(name, e, kills);
            return new Figures(name, rate, writes, failover, extra);
        }
    }

    /** 32 outstanding async setData of 100 bytes for {@code seconds}; returns {acked writes, elapsed ns}. */
    private static long[] throughput(ZooKeeper c, int seconds) throws InterruptedException {
        Semaphore window = new Semaphore(32);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        byte[] value = new byte[100];
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                continue;
            }
            c.setData("/bench", value, -1, (rc, path, ctx, stat) -> {
                if (rc == KeeperException.Code.OK.intValue()) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                window.release();
            }, null);
        }
        long countedAt = System.nanoTime();
        long acked = ok.get();
        window.acquire(32);
        if (failed.get() > 0) {
            System.out.println("  (" + failed.get() + " writes failed)");
        }
        return new long[] {acked, countedAt - start};
    }

    /** Kill the leader, time until a write is acknowledged, restart it, wait until stable; repeat. */
    private static List<Long> failover(String name, Ensemble e, int kills) throws Exception {
        List<Long> out = new ArrayList<>();
        try (ZooKeeper c = Clients.connect(e.connectString(), Duration.ofSeconds(30))) {
            byte[] value = new byte[100];
            for (int i = 0; i < kills; i++) {
                long leader = e.awaitStable(Duration.ofSeconds(90));
                c.setData("/bench", value, -1);
                long t0 = System.nanoTime();
                e.kill(leader);
                while (true) {
                    try {
                        c.setData("/bench", value, -1);
                        break;
                    } catch (KeeperException.ConnectionLossException | KeeperException.SessionMovedException
                             | KeeperException.OperationTimeoutException | KeeperException.NotReadOnlyException ex) {
                        Thread.sleep(5);
                    }
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                out.add(ms);
                System.out.printf(Locale.ROOT, "%s (b) kill %d: leader s%d, next write acked after %d ms%n", name, i + 1,
                        leader, ms);
                e.start(leader);
            }
            e.awaitStable(Duration.ofSeconds(90));
        }
        return out;
    }

    /** Proposals per fsync from the Schism servers' periodic group-commit log line (leader's log). */
    private static String groupCommit(Ensemble e) {
        Ensemble.sleep(5500);
        StringBuilder b = new StringBuilder();
        for (long sid : e.sids()) {
            Matcher m = GROUP_COMMIT.matcher(e.log(sid));
            long records = -1;
            long fsyncs = -1;
            while (m.find()) {
                records = Long.parseLong(m.group(1));
                fsyncs = Long.parseLong(m.group(2));
            }
            if (records > 0 && fsyncs > 0) {
                b.append(String.format(Locale.ROOT, "s%d %.1f txns/fsync  ", sid, (double) records / fsyncs));
            }
        }
        return b.toString().strip();
    }
}
