package dev.schism.harness.cli;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.sim.SimBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of {@code run} that shape an explored workload test, with defaults that make the issue's
 * scenario (25 s under faults and 5 s of recovery, 10 clients at 8 ops/s: about 200 client ops, a fault op
 * every 5 s). All are unset (null) unless given, so {@code explore --workload protocol} can refuse them.
 */
final class ExploreRunOptions {
    @Option(names = "--nemesis", description = "Workloads: comma-separated faults: partition, kill, pause, clock, or none (default: partition).")
    String nemesis;

    @Option(names = "--time-limit", description = "Workloads: simulated seconds under faults (default: 25).")
    Double timeLimit;

    @Option(names = "--recovery", description = "Workloads: simulated seconds of workload after the final heal (default: 5).")
    Double recovery;

    @Option(names = "--concurrency", description = "Workloads: client workers (default: 10).")
    Integer concurrency;

    @Option(names = "--rate", description = "Workloads: client ops per simulated second, all workers together (default: 8).")
    Double rate;

    @Option(names = "--nemesis-interval", description = "Workloads: mean simulated seconds between fault ops (default: 5).")
    Double nemesisInterval;

    @Option(names = "--partition-mode", description = "Workloads: partition modes to draw from: drop, stall, refuse (default: all three).")
    String partitionModes;

    @Option(names = "--partition-links", description = "Workloads: link channels a partition cuts, taking turns: all, quorum, election (default: all,quorum).")
    String partitionLinks;

    @Option(names = "--reads", description = "Workloads that read: plain, sync or linearizable (default: the workload's).")
    String reads;

    /** The options given, by name, for a one-line refusal where they do not apply. */
    List<String> given() {
        List<String> g = new ArrayList<>();
        add(g, "--nemesis", nemesis);
        add(g, "--time-limit", timeLimit);
        add(g, "--recovery", recovery);
        add(g, "--concurrency", concurrency);
        add(g, "--rate", rate);
        add(g, "--nemesis-interval", nemesisInterval);
        add(g, "--partition-mode", partitionModes);
        add(g, "--partition-links", partitionLinks);
        add(g, "--reads", reads);
        return g;
    }

    private static void add(List<String> g, String name, Object v) {
        if (v != null) {
            g.add(name);
        }
    }

    /** The test each seed runs (its seed replaced); IllegalArgumentException names a bad option. */
    TestSpec template(String workload, Integer nodes, String bug) {
        return new TestSpec(workload, workload, NemesisPackages.parse(nemesis == null ? "partition" : nemesis),
                nodes == null ? 5 : nodes, or(timeLimit, 25), concurrency == null ? 10 : concurrency, or(rate, 8), 0,
                SimBackend.NAME, Optional.ofNullable(bug), Optional.empty(), or(nemesisInterval, 5),
                TestSpec.partitionModes(partitionModes == null ? "drop,stall,refuse" : partitionModes),
                TestSpec.commaList(partitionLinks == null ? "all,quorum" : partitionLinks), or(recovery, 5),
                Optional.ofNullable(reads), "schism");
    }

    private static double or(Double v, double dflt) {
        return v == null ? dflt : v;
    }

    @Override
    public String toString() {
        return "ExploreRunOptions" + given();
    }
}
