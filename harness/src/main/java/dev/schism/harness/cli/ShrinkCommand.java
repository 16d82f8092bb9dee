package dev.schism.harness.cli;

import dev.schism.harness.sim.Scenario;
import dev.schism.node.sim.Outcome;
import dev.schism.node.sim.Shrinker;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schism shrink}: takes a seed that breaks a safety check in the simulator and searches for the
 * smallest schedule that still breaks it the same way; prints it and the command that replays it. Given a
 * failing {@code --backend sim} run folder instead, it shrinks that test (see {@link dev.schism.harness.sim.RunShrinker}).
 */
@Command(name = "shrink", mixinStandardHelpOptions = true,
        description = "Shrink a failing simulator seed's fault schedule to a minimal one that still fails.")
public final class ShrinkCommand implements Callable<Integer> {
    @Option(names = "--workload", defaultValue = "protocol", description = "What to simulate; today only 'protocol'.")
    String workload;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN-FOLDER",
            description = "A failing --backend sim run folder to shrink (instead of --seed).")
    java.nio.file.Path folder;

    @Option(names = "--store", defaultValue = "store", description = "Where the shrunk run folder goes (with RUN-FOLDER; default: ${DEFAULT-VALUE}).")
    java.nio.file.Path store;

    @Option(names = "--seed", description = "The failing seed (as explore listed it).")
    Long seed;

    @Option(names = "--nodes", description = "Voters, 3 or 5, as given to explore (default: by seed).")
    Integer nodes;

    @Option(names = "--inject-bug", description = "The seeded bug the seed ran with.")
    String bug;

    @Option(names = "--schedule", description = "Shrink this schedule instead of the seed's own.")
    String schedule;

    @Override
    public Integer call() throws java.io.IOException {
        if (folder != null) {
            return new dev.schism.harness.sim.RunShrinker(System.out, dev.schism.harness.sim.RunShrinker.DEFAULT_BUDGET).shrink(folder, store);
        }
        if (seed == null) {
            throw new IllegalArgumentException("shrink needs a failing sim run folder or --seed S (of explore --workload protocol)");
        }
        Scenario scenario = ExploreCommand.scenario(workload, nodes, bug, schedule, 1, seed);
        return shrinkAndPrint(System.out, scenario, seed);
    }

    /** Shrinks and prints; exit 1 when the shrunk run fails (it always does), 0 when the seed was safe. */
    static int shrinkAndPrint(PrintStream out, Scenario scenario, long seed) {
        Outcome first = scenario.simulation(seed, false).play();
        if (first.verdict() != Outcome.Verdict.UNSAFE) {
            out.println("shrink: seed " + seed + " breaks no safety check (" + first.verdict() + "); nothing to shrink");
            return first.verdict() == Outcome.Verdict.SAFE ? ExitCodes.VALID : ExitCodes.UNKNOWN;
        }
        long started = System.nanoTime();
        Shrinker.Result r = new Shrinker(seed, scenario.options(seed), Shrinker.DEFAULT_BUDGET)
                .shrink(scenario.scheduleFor(seed));
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("shrink: seed %d, %d runs in %.1f s: %d -> %d chaos ticks, %d -> %d faults, %d -> %d client writes, %d -> %d noise knobs on%n",
                seed, r.runs(), seconds, r.before().chaosTicks(), r.after().chaosTicks(), r.before().faultCount(),
                r.after().faultCount(), r.before().writeCount(), r.after().writeCount(), r.before().noise().knobsOn(),
                r.after().noise().knobsOn());
        out.println("before: seed " + seed + " INVALID at t=" + first.tick() + ": " + first.evidence());
        out.println("after:  seed " + seed + " INVALID at t=" + r.failure().tick() + ": " + r.failure().evidence());
        out.print("minimal schedule: " + r.after().describe());
        out.println("replay: " + scenario.with(r.after()).replayCommand(seed));
        return ExitCodes.INVALID;
    }

    @Override
    public String toString() {
        return "ShrinkCommand{seed=" + seed + " bug=" + bug + "}";
    }
}
