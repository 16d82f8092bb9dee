package dev.schism.harness.cli;

import dev.schism.harness.sim.Exploration;
import dev.schism.harness.sim.WorkloadScenario;
import dev.schism.results.verdict.Verdict;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * {@code schism explore --backend sim --workload W}: runs the seeds of one workload test in the simulator,
 * each checked in memory, and prints each failing seed (verdict, the failing checker's evidence, the
 * {@code schism run} line that replays it with its run folder and report), then one summary line.
 */
final class WorkloadExplore {
    private WorkloadExplore() {
    }

    /** Exit code: 0 if every seed was VALID, else 1 if any was INVALID, else 2. */
    static int explore(PrintStream out, WorkloadScenario scenario, long first, int runs, int threads) throws InterruptedException {
        long processCpu0 = processCpuNanos();
        Exploration.Result<WorkloadScenario.Failure> r = new Exploration<>(scenario::run, threads).run(first, runs);
        double processCpu = (processCpuNanos() - processCpu0) / 1e9;
        int invalid = 0;
        int unknown = 0;
        int listed = 0;
        for (WorkloadScenario.Failure f : r.failed()) {
            if (f.verdict() == Verdict.INVALID) {
                invalid++;
            } else {
                unknown++;
            }
            if (listed++ < ExploreCommand.LISTED) {
                out.println("seed " + f.seed() + " " + f.verdict() + " (" + f.evidence().checker() + "): "
                        + f.evidence().summary().replace('\n', ' '));
                out.println("  replay: " + scenario.replayCommand(f.seed()));
            }
        }
        if (listed > ExploreCommand.LISTED) {
            out.println("... and " + (listed - ExploreCommand.LISTED) + " more failing seeds");
        }
        out.println(summary(scenario, r, invalid, unknown, threads, processCpu));
        return invalid > 0 ? ExitCodes.INVALID : unknown > 0 ? ExitCodes.UNKNOWN : ExitCodes.VALID;
    }

    private static String summary(WorkloadScenario s, Exploration.Result<?> r, int invalid, int unknown, int threads,
                                  double processCpu) {
        int n = r.runs();
        String cpu = processCpu > 0 ? String.format(Locale.ROOT, ", %.1f s CPU of the whole JVM", processCpu) : "";
        return String.format(Locale.ROOT, "explore: %d runs of %s (%d nodes, %s) in %.1f s on %d thread%s: %d VALID, %d INVALID, "
                        + "%d UNKNOWN; %,.0f scenarios/min wall, %,.0f per CPU-minute (%.1f s CPU of the run threads%s)",
                n, s.template().workload(), s.template().nodes(), String.join(",", s.template().nemesis()), r.wallSeconds(),
                threads, threads == 1 ? "" : "s", n - invalid - unknown, invalid, unknown, n / r.wallSeconds() * 60, n / Math.max(r.cpuSeconds(), 1e-9) * 60,
                r.cpuSeconds(), cpu);
    }

    /** The JVM's CPU time (JIT compilers and GC included), or 0 where the platform does not say. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(os.getProcessCpuTime(), 0) : 0;
    }

    @Override
    public String toString() {
        return "WorkloadExplore";
    }
}
