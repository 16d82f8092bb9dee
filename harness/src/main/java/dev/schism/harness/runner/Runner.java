package dev.schism.harness.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schism.harness.backend.Backends;
import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.ClusterRequest;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.results.history.HistoryWriter;
import dev.schism.results.history.Op;
import dev.schism.results.store.RunFolder;
import dev.schism.results.store.RunStore;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs one test end to end: run folder and test.json; the cluster of the spec's backend (with its fault
 * proxy); workload setup and clients; the main phase (client ops at the given rate plus the
 * nemesis schedule, within the time limit); the final heal (always, even after an error or Ctrl-C);
 * a recovery phase without faults; then everything stopped and the history checked.
 */
public final class Runner {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** test.json field: wall-clock ms at history time 0. */
    public static final String START_WALL_MS = "start-wall-ms";

    /** What a run produced. {@code verdict} composes every checker; {@code interrupted}: stopped by a signal. */
    public record Outcome(RunFolder folder, List<CheckResult> results, Verdict verdict, boolean interrupted) {
    }

    private final PrintStream console;
    private final boolean tty;
    private final Optional<Path> nodeJar;
    private Optional<String> toxiproxyImage = Optional.empty();
    private java.util.function.BiFunction<NemesisPackages.Plan, NemesisPackages.Target, NemesisPackages.Plan> nemesisOverride = (p, t) -> p;
    private volatile Interpreter interpreter;
    private volatile boolean interrupted;

    public Runner(PrintStream console, boolean tty, Optional<Path> nodeJar) {
        this.console = console;
        this.tty = tty;
        this.nodeJar = nodeJar;
    }

    /** The proxy image for the docker backend (default: schism's own, built here). */
    public Runner withToxiproxyImage(Optional<String> image) {
        this.toxiproxyImage = image;
        return this;
    }

    /** Replaces the nemesis plan built from the spec once the cluster is up (a replay issues a recorded schedule instead). */
    public Runner withNemesisOverride(java.util.function.BiFunction<NemesisPackages.Plan, NemesisPackages.Target, NemesisPackages.Plan> override) {
        this.nemesisOverride = override;
        return this;
    }

    /** Asks a running test to stop early (e.g. on SIGINT); it still heals, stops and checks what it has. */
    public void interrupt() {
        interrupted = true;
        Interpreter i = interpreter;
        if (i != null) {
            i.stop();
        }
    }

    public Outcome run(TestSpec spec, Workload workload, Path storeRoot) throws IOException {
        if (dev.schism.harness.sim.SimRunner.applies(spec)) {
            return new dev.schism.harness.sim.SimRunner(console).run(spec, workload, storeRoot); // its own loop and time
        }
        workload.validate(spec);
        RunFolder folder = new RunStore(storeRoot).create(spec.name(), Instant.now());
        Map<String, Object> testData = new java.util.LinkedHashMap<>(spec.toData());
        long startWallMs = System.currentTimeMillis();
        testData.put(START_WALL_MS, startWallMs); // history times are ns after this instant
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.testJson().toFile(), testData);
        console.println("schism: run folder " + folder.dir());
        long t0 = System.nanoTime() - (System.currentTimeMillis() - startWallMs) * 1_000_000L;
        LongSupplier clock = () -> System.nanoTime() - t0;
        List<CheckResult> runProblems = new ArrayList<>();
        try (HistoryWriter history = new HistoryWriter(folder.history());
             FaultJournal faults = new FaultJournal(folder.faults());
             Session session = new Session(spec, workload, folder, clock, history, faults, runProblems)) {
            try {
                session.open();
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Exception e) {
                if (!session.clusterUp()) {
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e); // nothing ran: nothing to check
                }
                // The nodes ran (and kept journals) but the workload could not start: still check what they did.
                runProblems.add(CheckResult.unknown("run", "the workload could not start: " + e.getMessage()));
            }
            try {
                if (runProblems.isEmpty()) {
                    session.runPhases();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
            } catch (Exception e) {
                // The message, not the exception: a user reads this line, and a Java class name tells them nothing.
                runProblems.add(CheckResult.unknown("run", "the run failed midway: "
                        + (e.getMessage() != null ? e.getMessage() : "an internal error without a message")));
            }
        }
        if (interrupted) {
            runProblems.add(CheckResult.unknown("run", String.format(java.util.Locale.ROOT,
                    "interrupted %.1f s after the start (time limit %.0f s); the history up to then was checked",
                    clock.getAsLong() / 1e9, spec.timeLimitSeconds())));
        }
        List<CheckResult> results = Analysis.analyze(folder, workload.checkers(), runProblems);
        return new Outcome(folder, results, CheckResult.compose(results), interrupted);
    }

    /** The live parts of one run: proxy, cluster, clients, nemesis and interpreter; closing heals and stops them all. */
    private final class Session implements AutoCloseable {
        private final TestSpec spec;
        private final Workload workload;
        private final RunFolder folder;
        private final LongSupplier clock;
        private final HistoryWriter history;
        private final FaultJournal faults;
        private final Progress progress;
        private final List<Client> clients = new ArrayList<>();
        private final List<CheckResult> problems;
        private Cluster cluster;
        private NemesisPackages.Plan plan;
        private Interpreter interp;
        private boolean healed;
        private boolean clusterUp;

        Session(TestSpec spec, Workload workload, RunFolder folder, LongSupplier clock, HistoryWriter history, FaultJournal faults,
                List<CheckResult> problems) {
            this.problems = problems;
            this.spec = spec;
            this.workload = workload;
            this.folder = folder;
            this.clock = clock;
            this.history = history;
            this.faults = faults;
            this.progress = new Progress(console, clock, spec.timeLimitSeconds(), tty);
        }

        /** Fault proxy, nodes (until one leads), workload setup, clients, nemesis, interpreter. */
        void open() throws Exception {
            // A bug the workload's clients carry is theirs: the nodes would refuse a name they do not know.
            Optional<String> nodeBug = spec.injectBug().filter(b -> !workload.clientBugs().contains(b));
            cluster = Backends.create(spec.backend(), new ClusterRequest(spec.nodes(), folder.nodesDir(), nodeBug,
                    ClusterRequest.defaultConfig(), nodeJar, spec.toxiproxy(), toxiproxyImage, spec.seed(), console, spec.target(),
                    spec.nemesis().contains("clock")));
            console.println("schism: starting " + spec.nodes() + " nodes" + nodeBug.map(b -> " with injected bug " + b).orElse("")
                    + spec.injectBug().filter(b -> nodeBug.isEmpty()).map(b -> " (clients with injected bug " + b + ")").orElse(""));
            cluster.start();
            clusterUp = true;
            String leader = cluster.awaitLeader(Duration.ofSeconds(60));
            console.println("schism: " + leader + " leads; starting " + spec.concurrency() + " clients");
            workload.setup(cluster, spec);
            for (int i = 0; i < spec.concurrency(); i++) {
                clients.add(workload.client(cluster, spec, i));
            }
            plan = nemesisOverride.apply(NemesisPackages.build(spec.nemesis(), cluster.target(), spec.nemesisOptions()), cluster.target());
            List<Interpreter.Executor> executors = new ArrayList<>();
            List<String> clientNodes = new ArrayList<>();
            for (Client c : clients) {
                executors.add(c::invoke);
                clientNodes.add(c.node());
            }
            NemesisPackages.Plan p = plan;
            interp = new Interpreter(history, clock, executors, clientNodes, op -> p.nemesis().invoke(op), new Interpreter.Listener() {
                @Override
                public void completed(Op invoke, Op completion) {
                    faults.completed(invoke, completion);
                    progress.completed(invoke, completion);
                }
            });
            interpreter = interp;
            if (interrupted) {
                interp.stop();
            }
        }

        /** Whether the nodes started (so their journals are worth checking even if the workload did not start). */
        boolean clusterUp() {
            return clusterUp;
        }

        /** Main phase under faults, final heal, recovery phase, drain. */
        void runPhases() throws InterruptedException {
            progress.start();
            progress.phase("faults");
            long limit = (long) (spec.timeLimitSeconds() * SECOND);
            long spacing = (long) (SECOND / spec.rate());
            Generator clientOps = Gens.stagger(spacing, workload.generator(spec), spec.seed());
            interp.run(Gens.timeLimit(limit, Gens.clientsAndNemesis(clientOps, plan.generator())), clock.getAsLong() + limit + 30 * SECOND);
            progress.phase("healing");
            interp.runNemesisOps(plan.healOps(), 30 * SECOND);
            healed = true;
            if (spec.recoverySeconds() > 0 && !interp.stopped()) {
                progress.phase("recovery");
                long rec = (long) (spec.recoverySeconds() * SECOND);
                Generator recovery = Gens.clients(Gens.stagger(spacing, workload.generator(spec), spec.seed() + 1));
                interp.run(Gens.timeLimit(rec, recovery), clock.getAsLong() + rec + 10 * SECOND);
            }
            progress.phase("draining");
            int open = interp.drain(10 * SECOND);
            if (open > 0) {
                console.println("\nschism: " + open + " ops never completed; they count as indeterminate");
            }
            List<Op> finals = workload.finalOps(spec);
            if (!interp.stopped() && !finals.isEmpty()) {
                progress.phase("final reads");
                long timeout = (long) (spec.finalReadSeconds() * SECOND);
                int missing = new FinalReads(workload, spec, cluster, history, clock).run(finals, timeout);
                if (missing > 0) {
                    problems.add(CheckResult.unknown("final-read", missing + " final read(s) never succeeded within "
                            + spec.finalReadSeconds() + " s; what the nodes hold is unknown"));
                }
            }
        }

        /** Heals if the phases did not get to it, then stops clients, nodes and the proxy, whatever happened before. */
        @Override
        public void close() {
            progress.close();
            if (!healed && interp != null && plan != null) {
                try {
                    interp.runNemesisOps(plan.healOps(), 10 * SECOND);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (interp != null) {
                interp.close();
            }
            for (Client c : clients) {
                try {
                    c.close();
                } catch (RuntimeException e) {
                    // best effort: the nodes are about to stop anyway
                }
            }
            if (cluster != null) {
                List<String> exits = cluster.ownExits();
                cluster.close();
                if (!exits.isEmpty() && !interrupted) {
                    // A node that stops by itself under test is a finding even when no checker trips over it.
                    String what = String.join("; ", exits) + " (see " + folder.nodesDir() + "/<node>/node.log)";
                    console.println("\nschism: " + what);
                    problems.add(CheckResult.unknown("nodes", what));
                }
            }
        }
    }

    @Override
    public String toString() {
        return "runner" + (interrupted ? " (interrupted)" : "");
    }

}
