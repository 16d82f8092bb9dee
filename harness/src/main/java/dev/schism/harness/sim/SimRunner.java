package dev.schism.harness.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Analysis;
import dev.schism.harness.runner.FaultJournal;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.sut.ServerTarget;
import dev.schism.node.sim.Noise;
import dev.schism.node.sim.SimCluster;
import dev.schism.node.sim.SimSession;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import org.apache.zookeeper.proto.CreateResponse;
import dev.schism.results.history.HistoryWriter;
import dev.schism.results.store.RunFolder;
import dev.schism.results.store.RunStore;
import dev.schism.results.verdict.CheckResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code schism run --backend sim}: the run the {@link Runner} makes — the workload's own generator and
 * checkers, the nemesis packages, a final heal, a recovery phase, final reads, the same run folder — with the
 * node's whole server logic simulated in this thread ({@link SimCluster}) and time simulated, so it takes a
 * fraction of a second and the same seed writes the same history.jsonl byte for byte.
 */
public final class SimRunner {
    private static final long SECOND = 1_000_000_000L;
    /**
     * The simulated peer network under the workload: messages take one or two ticks (so links reorder) but
     * none is lost or doubled outside a partition, as over TCP; a lost proposal would stall a write for
     * seconds and end it info, where the real node's connections would have delivered it.
     */
    static final Noise NOISE = new Noise(0, 0, 1, 0, 0, 0);

    private final PrintStream console;

    public SimRunner(PrintStream console) {
        this.console = console;
    }

    /** Whether the spec asks for the simulator. */
    public static boolean applies(TestSpec spec) {
        return SimBackend.NAME.equals(spec.backend());
    }

    public Runner.Outcome run(TestSpec spec, Workload workload, Path storeRoot) throws IOException {
        workload.validate(spec);
        SimOps ops = SimOps.forWorkload(workload.name(), spec);
        refuseUnsupported(spec);
        RunFolder folder = new RunStore(storeRoot).create(spec.name(), Instant.now());
        Map<String, Object> test = new LinkedHashMap<>(spec.toData());
        test.put(Runner.START_WALL_MS, 0L); // history times and the nodes' journal times are simulated ms since boot
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.testJson().toFile(), test);
        console.println("schism: run folder " + folder.dir());
        SimCluster cluster = new SimCluster(spec.seed(), spec.nodes(), spec.injectBug().orElse(null), NOISE);
        List<CheckResult> problems = new ArrayList<>();
        try (HistoryWriter history = new HistoryWriter(folder.history());
             FaultJournal faults = new FaultJournal(folder.faults(), cluster::nowMs)) {
            new Phases(spec, workload, ops, cluster, history, faults, problems, console).run();
        } finally {
            writeJournals(folder, cluster);
        }
        List<CheckResult> results = Analysis.analyze(folder, workload.checkers(), problems);
        return new Runner.Outcome(folder, results, CheckResult.compose(results), false);
    }

    private static void refuseUnsupported(TestSpec spec) {
        if (!ServerTarget.SCHISM.equals(spec.target())) {
            throw new IllegalArgumentException("--backend sim simulates the Schism node only, not --target " + spec.target());
        }
        if (spec.toxiproxy().isPresent()) {
            throw new IllegalArgumentException("--toxiproxy does not apply to --backend sim (its network is simulated)");
        }
        for (String n : spec.nemesis()) {
            if (!List.of("partition", "kill", "pause", "clock", "latency").contains(n)) {
                throw new IllegalArgumentException("--backend sim has no nemesis '" + n + "'");
            }
        }
    }

    /** Each node's role changes as its data/events.jsonl, where the analysis looks for journals. */
    private static void writeJournals(RunFolder folder, SimCluster cluster) throws IOException {
        for (Map.Entry<Long, List<String>> e : cluster.journals().entrySet()) {
            Path data = folder.nodeDir("n" + e.getKey()).resolve("data");
            Files.createDirectories(data);
            StringBuilder b = new StringBuilder();
            e.getValue().forEach(l -> b.append(l).append('\n'));
            Files.writeString(data.resolve("events.jsonl"), b);
        }
    }

    /** One run's phases over one cluster: boot, setup, faults, heal, recovery, drain, final reads. */
    private static final class Phases {
        private final TestSpec spec;
        private final Workload workload;
        private final SimOps ops;
        private final SimCluster cluster;
        private final HistoryWriter history;
        private final FaultJournal faults;
        private final List<CheckResult> problems;
        private final PrintStream console;

        Phases(TestSpec spec, Workload workload, SimOps ops, SimCluster cluster, HistoryWriter history,
               FaultJournal faults, List<CheckResult> problems, PrintStream console) {
            this.spec = spec;
            this.workload = workload;
            this.ops = ops;
            this.cluster = cluster;
            this.history = history;
            this.faults = faults;
            this.problems = problems;
            this.console = console;
        }

        void run() {
            if (!boot()) {
                return;
            }
            java.util.ArrayDeque<SimLoop.Done> completed = new java.util.ArrayDeque<>();
            List<SimWorker> workers = new ArrayList<>();
            for (int i = 0; i < spec.concurrency(); i++) {
                int thread = i;
                workers.add(new SimWorker(cluster, ops, 1 + i % spec.nodes(), false,
                        op -> completed.add(new SimLoop.Done(thread, op))));
            }
            SimTarget target = new SimTarget(cluster);
            NemesisPackages.Plan plan = NemesisPackages.build(spec.nemesis(), target.target(), spec.nemesisOptions());
            SimLoop loop = new SimLoop(cluster, workers, completed, plan.nemesis(), history, faults);
            long limit = (long) (spec.timeLimitSeconds() * SECOND);
            long spacing = (long) (SECOND / spec.rate());
            Generator clientOps = Gens.stagger(spacing, workload.generator(spec), spec.seed());
            loop.run(Gens.timeLimit(limit, Gens.clientsAndNemesis(clientOps, plan.generator())), loop.nowNanos() + limit + 30 * SECOND);
            loop.nemesisOps(plan.healOps());
            target.heal();
            if (spec.recoverySeconds() > 0) {
                long rec = (long) (spec.recoverySeconds() * SECOND);
                Generator recovery = Gens.clients(Gens.stagger(spacing, workload.generator(spec), spec.seed() + 1));
                loop.run(Gens.timeLimit(rec, recovery), loop.nowNanos() + rec + 10 * SECOND);
            }
            int open = loop.drain(10 * SECOND);
            if (open > 0) {
                console.println("schism: " + open + " ops never completed; they count as indeterminate");
            }
            workers.forEach(SimWorker::close);
            int missing = new SimFinalReads(workload, spec, ops, cluster, history).run(60 * SECOND);
            if (missing > 0) {
                problems.add(CheckResult.unknown("final-read", missing + " final read(s) never succeeded within 60 simulated s"));
            }
        }

        /** Ticks until a leader serves and the workload's parent znode exists; false (and a problem) if not. */
        private boolean boot() {
            SimSession s = null;
            boolean[] made = {false};
            boolean[] waiting = {false};
            long end = cluster.nowMs() + 60_000;
            while (!made[0] && cluster.nowMs() < end) {
                cluster.step();
                if (s == null || s.expired()) {
                    s = cluster.openSession(1, SimWorker.SESSION_TIMEOUT_MS);
                    waiting[0] = false;
                }
                if (cluster.leader() != 0 && !waiting[0] && !made[0]) {
                    waiting[0] = true;
                    s.submit(OpCode.CREATE, SimOps.create(ops.parent(), new byte[0]), CreateResponse::new, (err, r, z) -> {
                        waiting[0] = false;
                        made[0] |= err == Err.OK || err == Err.NODE_EXISTS;
                    });
                }
            }
            if (s != null) {
                cluster.forget(s);
            }
            if (!made[0]) {
                problems.add(CheckResult.unknown("run", "the simulated ensemble did not elect a leader and create "
                        + ops.parent() + " within 60 simulated s"));
            }
            return made[0];
        }
    }

    @Override
    public String toString() {
        return "SimRunner";
    }
}
