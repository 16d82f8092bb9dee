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
 * (3.9.4 from the test class path, or the release {@code bin/node-benchmark} resolved), both as separate
 * processes on this machine, measured the same way from outside with the official client. tickTime=2000,
 * initLimit=10, syncLimit=5, fsync on.
 * <ul>
 *   <li>(a) one client keeps 32 async setData of 100 bytes outstanding → writes/s;</li>
 *   <li>(b) SIGKILL the leader, time until the next write is acknowledged; {@code kills} times → p50, max.</li>
 * </ul>
 * Both ensembles run at once and the measurements alternate between them (throughput in windows of at most
 * 5 s, in the order ABBA, after a 10 s warm-up of each; one kill of each per round), because this machine is
 * shared and its load changes from minute to minute: only figures taken in the same minutes compare. The
 * servers' CPU time per acknowledged write depends much less on that load. Run with {@code bin/node-benchmark
 * [seconds] [kills] [schism|zookeeper|both] [zookeeper version]} (see README); {@code -Dschism.bench.warmUp}
 * and {@code -Dschism.bench.nodeJvm} (extra JVM options for the Schism servers, e.g. a JFR recording) help
 * profiling (pass them in {@code BENCH_JAVA_OPTS}). Prints figures and ratios; never fails on timing.
 */
public final class EnsembleBenchmark {
    private static final Pattern GROUP_COMMIT = Pattern.compile("group commit: (\\d+) records in (\\d+) fsyncs");
    private static final int WINDOW_SECONDS = 5;
    private static final int WARM_UP_SECONDS = Integer.getInteger("schism.bench.warmUp", 10);

    /** One ensemble under measurement: its client and what was measured so far. */
    private static final class Target implements AutoCloseable {
        final String name;
        final Ensemble ensemble;
        final List<Double> windows = new ArrayList<>();
        final List<Long> failoverMs = new ArrayList<>();
        long writes;
        long nanos;
        long cpuNanos;
        ZooKeeper client;

        Target(String name, Ensemble ensemble) {
            this.name = name;
            this.ensemble = ensemble;
        }

        double writesPerSec() {
            return nanos == 0 ? 0 : writes * 1e9 / nanos;
        }

        /** CPU time the servers spent per acknowledged write, in microseconds (independent of the load). */
        double cpuMicrosPerWrite() {
            return writes == 0 ? 0 : cpuNanos / 1e3 / writes;
        }

        /** The CPU time all running servers of the ensemble have used so far. */
        long serverCpuNanos() {
            long sum = 0;
            for (Ensemble.Server s : ensemble.servers()) {
                if (s.alive()) {
                    sum += s.process().toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                }
            }
            return sum;
        }

        double medianWindow() {
            return median(windows);
        }

        long p50() {
            List<Long> s = new ArrayList<>(failoverMs);
            Collections.sort(s);
            return s.isEmpty() ? -1 : s.get((s.size() - 1) / 2);
        }

        long max() {
            return failoverMs.stream().mapToLong(Long::longValue).max().orElse(-1);
        }

        @Override
        public void close() throws Exception {
            if (client != null) {
                client.close();
            }
            ensemble.close();
        }

        @Override
        public String toString() {
            return "Target{" + name + " " + writes + " writes, " + failoverMs.size() + " kills}";
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String only = args.length > 2 ? args[2] : "both";
        List<Target> targets = new ArrayList<>();
        try {
            List<String> jvm = List.of("-Xms256m", "-Xmx512m");
            // extra JVM options for the Schism servers only, for profiling (e.g. a JFR recording or a log level)
            List<String> nodeJvm = new ArrayList<>(jvm);
            for (String opt : System.getProperty("schism.bench.nodeJvm", "").trim().split("\\s+")) {
                if (!opt.isEmpty()) {
                    nodeJvm.add(opt);
                }
            }
            if (!only.equals("zookeeper")) {
                Path jar = Ensemble.shadedJar();
                if (jar == null) {
                    throw new IllegalStateException("node/target/schism-node.jar is missing: run mvn package first");
                }
                targets.add(new Target("schism", Ensemble.builder().jar(jar).jvmArgs(nodeJvm).timing(2000, 10, 5).build()));
            }
            if (!only.equals("schism")) {
                targets.add(new Target("zookeeper-" + System.getProperty("schism.zookeeper.version", "3.9.4"),
                        Ensemble.builder().flavor(Ensemble.Flavor.ZOOKEEPER).jvmArgs(jvm).timing(2000, 10, 5).build()));
            }
            run(targets, seconds, kills);
        } finally {
            for (Target t : targets) {
                t.close();
            }
        }
    }

    private static void run(List<Target> targets, int seconds, int kills) throws Exception {
        for (Target t : targets) {
            t.ensemble.startAll();
        }
        for (Target t : targets) {
            t.ensemble.awaitStable(Duration.ofSeconds(90));
            System.out.println("== " + t.name + ": ensemble up in " + t.ensemble.root());
            t.client = Clients.connect(t.ensemble.connectString(), Duration.ofSeconds(30));
            t.client.create("/bench", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
        }
        for (Target t : targets) {
            long[] r = throughput(t.client, WARM_UP_SECONDS); // lets the JIT compile the write path of both
            System.out.printf(Locale.ROOT, "%s (a) warm-up: %d writes in %.1f s (not counted)%n", t.name, r[0],
                    r[1] / 1e9);
        }
        int rounds = Math.max(1, (seconds + WINDOW_SECONDS - 1) / WINDOW_SECONDS);
        for (int i = 0; i < rounds; i++) {
            int window = Math.min(WINDOW_SECONDS, seconds - i * WINDOW_SECONDS);
            for (Target t : ordered(targets, i)) {
                long cpu0 = t.serverCpuNanos();
                long[] r = throughput(t.client, window);
                t.cpuNanos += t.serverCpuNanos() - cpu0;
                t.writes += r[0];
                t.nanos += r[1];
                t.windows.add(r[0] * 1e9 / r[1]);
                System.out.printf(Locale.ROOT, "%s (a) window %d: %d writes in %.1f s = %.0f writes/s%n", t.name, i + 1,
                        r[0], r[1] / 1e9, r[0] * 1e9 / r[1]);
            }
        }
        List<String> extras = new ArrayList<>();
        Ensemble.sleep(5500);
        for (Target t : targets) {
            extras.add(groupCommit(t.ensemble));
        }
        for (int i = 0; i < kills; i++) {
            for (Target t : ordered(targets, i)) {
                t.failoverMs.add(failover(t, i + 1));
            }
        }
        print(targets, extras);
    }

    /** Alternates who goes first, so that a trend in the machine's load favours neither. */
    private static List<Target> ordered(List<Target> targets, int round) {
        List<Target> o = new ArrayList<>(targets);
        if (round % 2 == 1) {
            Collections.reverse(o);
        }
        return o;
    }

    private static void print(List<Target> targets, List<String> extras) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-16s %10s %12s %12s %14s %14s  %s%n", "ensemble", "writes/s", "median 5 s",
                "cpu us/write", "failover p50", "failover max", "notes");
        for (int i = 0; i < targets.size(); i++) {
            Target f = targets.get(i);
            System.out.printf(Locale.ROOT, "%-16s %10.0f %12.0f %12.0f %11d ms %11d ms  %s%n", f.name,
                    f.writesPerSec(), f.medianWindow(), f.cpuMicrosPerWrite(), f.p50(), f.max(), extras.get(i));
        }
        if (targets.size() == 2) {
            Target s = targets.get(0);
            Target z = targets.get(1);
            List<Double> pairs = new ArrayList<>();
            for (int i = 0; i < Math.min(s.windows.size(), z.windows.size()); i++) {
                pairs.add(s.windows.get(i) / z.windows.get(i));
            }
            System.out.printf(Locale.ROOT, "ratio schism/zookeeper: throughput x%.2f (median of %d paired windows x%.2f),"
                            + " server cpu per write x%.2f, failover p50 x%.2f, max x%.2f (lower is better for cpu and"
                            + " failover)%n", s.writesPerSec() / z.writesPerSec(), pairs.size(), median(pairs),
                    s.cpuMicrosPerWrite() / z.cpuMicrosPerWrite(), (double) s.p50() / z.p50(),
                    (double) s.max() / z.max());
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        if (s.isEmpty()) {
            return 0;
        }
        int mid = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(mid) : (s.get(mid - 1) + s.get(mid)) / 2;
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

    /** Kills the leader, times until a write is acknowledged, restarts it and waits until stable. */
    private static long failover(Target t, int round) throws Exception {
        Ensemble e = t.ensemble;
        ZooKeeper c = t.client;
        byte[] value = new byte[100];
        long leader = e.awaitStable(Duration.ofSeconds(90));
        Clients.retry(Duration.ofSeconds(30), () -> c.setData("/bench", value, -1));
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
        System.out.printf(Locale.ROOT, "%s (b) kill %d: leader s%d, next write acked after %d ms%n", t.name, round,
                leader, ms);
        e.start(leader);
        e.awaitStable(Duration.ofSeconds(90));
        return ms;
    }

    /** Proposals per fsync from the Schism servers' periodic group-commit log line (leader's log). */
    private static String groupCommit(Ensemble e) {
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
