package dev.schism.harness.cli;

import dev.schism.harness.sim.Exploration;
import dev.schism.harness.sim.Scenario;
import dev.schism.node.sim.FaultSchedule;
import dev.schism.node.sim.Outcome;
import dev.schism.node.sim.ScheduleText;
import dev.schism.node.sim.Simulation;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code schism explore}: runs many seeds of the deterministic simulator and lists each failing seed with
 * its one-line evidence and the command that replays it. {@code --workload protocol} runs the node's
 * protocol core alone (exits 1 if any seed broke a safety check, 2 if some were only stuck); a workload
 * ({@code set}, {@code register}) runs whole simulated servers and clients with the workload's checkers
 * ({@link WorkloadExplore}; exits as {@code run} does on the worst seed).
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = "Run many seeds in the deterministic simulator and list the failing ones: the node's protocol core"
                + " (--workload protocol) or a workload over whole simulated servers (--workload set|register).")
public final class ExploreCommand implements Callable<Integer> {
    static final int LISTED = 20;

    @Option(names = "--workload", required = true, description = "What to simulate: 'protocol' (election, ZAB, storage of the node's core) or a workload with simulated clients (set, register).")
    String workload;

    @Option(names = "--backend", defaultValue = "sim", description = "Where the seeds run; only sim (default: ${DEFAULT-VALUE}).")
    String backend;

    @picocli.CommandLine.Mixin
    ExploreRunOptions runOptions = new ExploreRunOptions();

    @Option(names = "--runs", defaultValue = "1000", description = "Seeds to run (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = {"--seed", "--first-seed"}, defaultValue = "1", description = "First seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", description = "Worker threads (default: the processors).")
    Integer jobs;

    @Option(names = "--nodes", description = "Voters in the ensemble; protocol: 3 or 5 (default: cycles with the seed: 3, 5, 3 + an observer, 4 + an observer); workloads: default 5.")
    Integer nodes;

    @Option(names = "--inject-bug", description = "Seeded protocol bug in every server (e.g. establish-without-quorum).")
    String bug;

    @Option(names = "--schedule", description = "Replay this fault schedule (as printed by shrink) instead of the seed's own; needs --runs 1.")
    String schedule;

    @Option(names = "--trace", description = "With --runs 1: print every event of the run, then its trace hash.")
    boolean trace;

    @Option(names = "--shrink", description = "Shrink the first seed that breaks a safety check and print its minimal schedule.")
    boolean shrink;

    @Override
    public Integer call() throws InterruptedException {
        if (!dev.schism.harness.sim.SimBackend.NAME.equals(backend)) {
            throw new IllegalArgumentException("--backend " + backend + ": explore runs on the simulator only (--backend sim)");
        }
        int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (threads < 1 || runs < 1) {
            throw new IllegalArgumentException("--runs and --jobs must be at least 1");
        }
        PrintStream out = System.out;
        if (!"protocol".equals(workload)) {
            return WorkloadExplore.explore(out, workloadScenario(), seed, runs, threads);
        }
        if (!runOptions.given().isEmpty()) {
            throw new IllegalArgumentException(runOptions.given().get(0) + " applies to workloads, not to --workload protocol");
        }
        Scenario scenario = scenario(workload, nodes, bug, schedule, runs, seed);
        if (trace && runs != 1) {
            throw new IllegalArgumentException("--trace needs --runs 1");
        }
        if (trace) {
            Simulation sim = scenario.simulation(seed, true);
            Outcome o = sim.play();
            out.print(sim.fullTrace());
            out.println(o);
            return o.verdict() == Outcome.Verdict.SAFE ? ExitCodes.VALID
                    : o.verdict() == Outcome.Verdict.UNSAFE ? ExitCodes.INVALID : ExitCodes.UNKNOWN;
        }
        Exploration.Result<Outcome> outcomes = Exploration.of(scenario, threads).run(seed, runs);
        int code = print(out, scenario, outcomes, outcomes.wallSeconds(), threads);
        if (shrink) {
            outcomes.failed().stream().filter(o -> o.verdict() == Outcome.Verdict.UNSAFE).findFirst()
                    .ifPresent(o -> ShrinkCommand.shrinkAndPrint(out, scenario, o.seed()));
        }
        return code;
    }

    /** A workload's test on the simulator; IllegalArgumentException (exit 254) names a bad or inapplicable option. */
    private dev.schism.harness.sim.WorkloadScenario workloadScenario() {
        for (String[] o : new String[][] {{"--schedule", schedule}, {"--trace", trace ? "" : null}, {"--shrink", shrink ? "" : null}}) {
            if (o[1] != null) {
                throw new IllegalArgumentException(o[0] + " applies to --workload protocol only; a failing workload seed"
                        + " replays with the printed run command, and `schism shrink <run-folder>` shrinks it");
            }
        }
        dev.schism.harness.runner.Workload w = dev.schism.harness.runner.Workloads.find(workload);
        if (bug != null && w.clientBugs().contains(bug)) {
            throw new IllegalArgumentException("--inject-bug " + bug + " is a client bug; the simulator runs the node's bugs only");
        }
        RunCommand.quietClientLogs();
        return new dev.schism.harness.sim.WorkloadScenario(runOptions.template(w.name(), nodes, bug));
    }

    /** Checks the options that say what to simulate; IllegalArgumentException (exit 254) names the bad one. */
    static Scenario scenario(String workload, Integer nodes, String bug, String schedule, int runs, long seed) {
        if (!"protocol".equals(workload)) {
            throw new IllegalArgumentException("--workload " + workload + ": the simulator runs only 'protocol' so far");
        }
        if (nodes != null && nodes != 3 && nodes != 5) {
            throw new IllegalArgumentException("--nodes " + nodes + ": the simulator runs 3 or 5 voters");
        }
        if (bug != null && !dev.schism.node.core.Peer.BUGS.contains(bug)) {
            throw new IllegalArgumentException("--inject-bug " + bug + ": unknown; known: "
                    + new java.util.TreeSet<>(dev.schism.node.core.Peer.BUGS));
        }
        FaultSchedule s = null;
        if (schedule != null) {
            if (runs != 1) {
                throw new IllegalArgumentException("--schedule replays one run: give --runs 1");
            }
            Scenario probe = new Scenario(nodes, bug, null);
            s = ScheduleText.parse(schedule, probe.options(seed).servers());
        }
        return new Scenario(nodes, bug, s);
    }

    private static int print(PrintStream out, Scenario scenario, Exploration.Result<Outcome> outcomes, double seconds, int threads) {
        int unsafe = 0;
        int stuck = 0;
        int listed = 0;
        for (Outcome o : outcomes.failed()) {
            if (o.verdict() == Outcome.Verdict.UNSAFE) {
                unsafe++;
            } else {
                stuck++;
            }
            if (listed++ < LISTED) {
                out.println("seed " + o.seed() + " " + (o.verdict() == Outcome.Verdict.UNSAFE ? "INVALID" : "STUCK")
                        + " at t=" + o.tick() + ": " + o.evidence());
                out.println("  replay: " + scenario.replayCommand(o.seed()));
            }
        }
        if (listed > LISTED) {
            out.println("... and " + (listed - LISTED) + " more failing seeds");
        }
        int n = outcomes.runs();
        out.printf("explore: %d runs in %.1f s on %d threads (%,.0f runs/min): %d safe, %d INVALID (a safety check broke), %d stuck (no progress after the heal)%n",
                n, seconds, threads, n / seconds * 60, n - unsafe - stuck, unsafe, stuck);
        return unsafe > 0 ? ExitCodes.INVALID : stuck > 0 ? ExitCodes.UNKNOWN : ExitCodes.VALID;
    }

    @Override
    public String toString() {
        return "ExploreCommand{workload=" + workload + " runs=" + runs + " seed=" + seed + " bug=" + bug + "}";
    }
}
