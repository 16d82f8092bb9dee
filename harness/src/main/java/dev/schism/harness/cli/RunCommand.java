package dev.schism.harness.cli;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.verdict.CheckResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schism run}: one test against a fresh cluster; prints the verdict and the run folder, exits 0/1/2 (254 bad arguments, 255 crash). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Start a cluster, run a workload under faults, check the history, print the verdict.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--workload", required = true, description = "Workload to run (e.g. election).")
    String workload;

    @Option(names = "--nemesis", defaultValue = "partition", description = "Comma-separated faults: partition, kill, pause, latency, clock, or none (default: ${DEFAULT-VALUE}).")
    String nemesis;

    @Option(names = "--nodes", defaultValue = "5", description = "Number of nodes (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--time-limit", defaultValue = "60", description = "Seconds of workload under faults (default: ${DEFAULT-VALUE}).")
    double timeLimit;

    @Option(names = "--concurrency", defaultValue = "10", description = "Client worker threads (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--rate", defaultValue = "50", description = "Client ops per second, all threads together (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", description = "Seed for every random choice of the schedule (default: random, printed).")
    Long seed;

    @Option(names = "--backend", defaultValue = "local", description = "Where nodes run: local (processes here), docker (containers) or sim (simulated in this JVM: set, register and election workloads) (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--store", defaultValue = "store", description = "Folder for run folders (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--inject-bug", description = "Start the nodes with a deliberately broken protocol (e.g. establish-without-quorum), or give the workload's clients a broken recipe (latch: recipe-keeps-leadership).")
    String injectBug;

    @Option(names = "--toxiproxy", description = "host:port of a running Toxiproxy to use instead of the embedded one.")
    String toxiproxy;

    @Option(names = "--toxiproxy-image", description = "docker backend: the proxy container's image (default: schism/toxiproxy, built here; ghcr.io/shopify/toxiproxy:2.12.0 where it can be pulled).")
    String toxiproxyImage;

    @Option(names = "--nemesis-interval", defaultValue = "5", description = "Mean seconds between fault ops (default: ${DEFAULT-VALUE}).")
    double nemesisInterval;

    @Option(names = "--partition-mode", defaultValue = "drop,stall,refuse", description = "Comma-separated partition modes to draw from: drop, stall, refuse (default: ${DEFAULT-VALUE}).")
    String partitionModes;

    @Option(names = "--partition-links", defaultValue = "all,quorum", description = "Comma-separated link channels a partition cuts, taking turns from one partition to the next: all, quorum (leader-learner traffic only), election (votes only; useful with kill or pause, which force elections) (default: ${DEFAULT-VALUE}).")
    String partitionLinks;

    @Option(names = "--recovery", defaultValue = "5", description = "Seconds of workload after the final heal (default: ${DEFAULT-VALUE}).")
    double recovery;

    @Option(names = "--final-read-timeout", defaultValue = "60", description = "Seconds the final reads wait for each node to serve again; a node that never does leaves the verdict unknown (default: ${DEFAULT-VALUE}).")
    double finalReadTimeout;

    @Option(names = "--reads", description = "How reads are made and judged, for workloads that read during the run: plain (ZooKeeper's session guarantees), sync (sync first; also sees writes acknowledged before the sync), linearizable (strict) (default: plain).")
    String reads;

    @Option(names = "--name", description = "Test name, the folder under the store (default: the workload name).")
    String name;

    @Option(names = "--target", defaultValue = "schism",
            description = "What the nodes run: schism (the node) or zookeeper:<version>, a release from Maven Central (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--node-jar", description = "The node jar to launch (default: node/target/schism-node.jar if present, else this jar).")
    Path nodeJar;

    @Override
    public Integer call() throws Exception {
        quietClientLogs();
        PrintStream out = System.out;
        Workload w = Workloads.find(workload);
        long s = seed != null ? seed : new java.security.SecureRandom().nextLong() & Long.MAX_VALUE;
        TestSpec spec = new TestSpec(name != null ? name : w.name(), w.name(), NemesisPackages.parse(nemesis), nodes, timeLimit,
                concurrency, rate, s, backend, Optional.ofNullable(injectBug), Optional.ofNullable(toxiproxy), nemesisInterval,
                TestSpec.partitionModes(partitionModes), TestSpec.commaList(partitionLinks), recovery, Optional.ofNullable(reads), target,
                finalReadTimeout);
        out.println("schism: " + spec);
        Runner runner = new Runner(out, System.console() != null, Optional.ofNullable(nodeJar)).withToxiproxyImage(Optional.ofNullable(toxiproxyImage));
        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.interrupt();
            try {
                // Let the run heal, stop its nodes, check what it has and print the verdict. (Not a join on the
                // main thread: it ends in System.exit, which blocks while this hook runs.)
                reported.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "schism-sigint");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Runner.Outcome o;
            try {
                o = runner.run(spec, w, store);
            } catch (java.io.IOException e) {
                System.err.println("schism: the run could not start: " + e.getMessage());
                return ExitCodes.CRASH;
            }
            for (CheckResult r : o.results()) {
                out.println("  " + r);
            }
            out.println("schism: " + o.verdict() + " (seed " + s + ")" + (o.interrupted() ? " [interrupted]" : ""));
            out.println("schism: run folder " + o.folder().dir());
            out.println("schism: report " + o.folder().report());
            return o.verdict().exitCode();
        } finally {
            out.flush();
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is waiting for us
            }
        }
    }

    /** The ZooKeeper client logs every lost connection; under faults that is noise on the console. */
    static void quietClientLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }
}
