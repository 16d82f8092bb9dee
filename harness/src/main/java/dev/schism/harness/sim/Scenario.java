package dev.schism.harness.sim;

import dev.schism.node.sim.FaultSchedule;
import dev.schism.node.sim.Noise;
import dev.schism.node.sim.ScheduleText;
import dev.schism.node.sim.SimOptions;
import dev.schism.node.sim.Simulation;

/**
 * What one explored seed runs: the ensemble (a fixed number of voters, or the shape that cycles with the
 * seed when {@code nodes} is null), the seeded bug, and the schedule (generated from the seed unless given).
 * {@link #replayCommand} is the command line that runs exactly this again.
 */
public record Scenario(Integer nodes, String bug, FaultSchedule schedule) {
    public SimOptions options(long seed) {
        return nodes == null ? SimOptions.forSeed(seed, bug) : SimOptions.voters(nodes, bug);
    }

    public FaultSchedule scheduleFor(long seed) {
        return schedule != null ? schedule : FaultSchedule.generate(seed, options(seed).servers(),
                FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT);
    }

    public Simulation simulation(long seed, boolean keepTrace) {
        return new Simulation(seed, options(seed), scheduleFor(seed), keepTrace);
    }

    /** The same scenario with another schedule (a shrunk one). */
    public Scenario with(FaultSchedule s) {
        return new Scenario(nodes, bug, s);
    }

    public String replayCommand(long seed) {
        return "schism explore --workload protocol --seed " + seed + " --runs 1"
                + (nodes == null ? "" : " --nodes " + nodes) + (bug == null ? "" : " --inject-bug " + bug)
                + (schedule == null ? "" : " --schedule '" + ScheduleText.format(schedule) + "'");
    }

    @Override
    public String toString() {
        return "Scenario{nodes=" + (nodes == null ? "by seed" : nodes) + " bug=" + bug + " schedule="
                + (schedule == null ? "by seed" : schedule) + "}";
    }
}
