package dev.schism.harness.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.schism.harness.runner.Analysis;
import dev.schism.harness.runner.FaultJournal;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.RunData;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.sut.ServerTarget;
import dev.schism.node.sim.Noise;
import dev.schism.node.sim.SimCluster;
import dev.schism.results.events.RoleEvent;
import dev.schism.results.events.RoleJournal;
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

/**
 * {@code schism run --backend sim}: the run the {@link Runner} makes — the workload's own generator and
 * checkers, the nemesis packages, a final heal, a recovery phase, final reads, the same run folder — with the
 * node's whole server logic simulated in this thread ({@link SimCluster}) and time simulated, so it takes a
 * fraction of a second and the same seed writes the same history.jsonl byte for byte.
 */
public final class SimRunner {
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
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.testJson().toFile(), testData(spec));
        console.println("schism: run folder " + folder.dir());
        SimCluster cluster = new SimCluster(spec.seed(), spec.nodes(), spec.injectBug().orElse(null), NOISE);
        List<CheckResult> problems = new ArrayList<>();
        try (HistoryWriter history = new HistoryWriter(folder.history());
             FaultJournal faults = new FaultJournal(folder.faults(), cluster::nowMs)) {
            new SimPhases(spec, workload, ops, cluster, SimHistory.to(history), faults::completed, problems, console).run();
        } finally {
            writeJournals(folder, cluster);
        }
        List<CheckResult> results = Analysis.analyze(folder, workload.checkers(), problems);
        return new Runner.Outcome(folder, results, CheckResult.compose(results), false);
    }

    /**
     * The same run without a run folder, for {@code explore}: the history stays in memory and goes straight
     * to the workload's checkers with the role events and the test as data; returns every checker's result.
     * Verdicts and evidence are those {@link #run} writes to results.json for the same spec.
     */
    public static List<CheckResult> check(TestSpec spec, Workload workload) {
        workload.validate(spec);
        SimOps ops = SimOps.forWorkload(workload.name(), spec);
        refuseUnsupported(spec);
        SimCluster cluster = new SimCluster(spec.seed(), spec.nodes(), spec.injectBug().orElse(null), NOISE).untraced();
        List<CheckResult> problems = new ArrayList<>();
        SimHistory history = SimHistory.inMemory();
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        new SimPhases(spec, workload, ops, cluster, history, (invoke, done) -> { }, problems, quiet).run();
        List<RoleEvent> events = new ArrayList<>();
        for (List<String> lines : cluster.journals().values()) {
            for (String line : lines) {
                events.add(RoleEvent.fromLine(line));
            }
        }
        events.sort(RoleJournal.ORDER);
        List<CheckResult> results = Analysis.check(new RunData(history.history(), events, testData(spec)), workload.checkers());
        results.addAll(problems);
        return results;
    }

    /** test.json: the spec, and the start time 0 (history and journal times are simulated ms since boot). */
    private static Map<String, Object> testData(TestSpec spec) {
        Map<String, Object> test = new LinkedHashMap<>(spec.toData());
        test.put(Runner.START_WALL_MS, 0L);
        return test;
    }

    static void refuseUnsupported(TestSpec spec) {
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

    @Override
    public String toString() {
        return "SimRunner";
    }
}
