package dev.schism.workloads.sim;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Not a test: {@code schism run --backend sim} scenarios per minute on one thread, and the verdicts over a
 * range of seeds (a detection rate when a bug is named). Each scenario: 25 simulated s under faults
 * (a nemesis op every 5 s) and 5 s of recovery, 10 clients at 8 ops/s, the workload's checkers, the whole
 * run folder written. Arguments: workload nemesis nodes firstSeed runs [bug].
 */
public final class SimRunBenchmark {
    private SimRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args[0];
        String nemesis = args[1];
        int nodes = Integer.parseInt(args[2]);
        long first = Long.parseLong(args[3]);
        int runs = Integer.parseInt(args[4]);
        String bug = args.length > 5 ? args[5] : null;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path store = Files.createTempDirectory("sim-bench");
        Map<Verdict, Integer> verdicts = new TreeMap<>();
        StringBuilder caught = new StringBuilder();
        long ops = 0;
        long faults = 0;
        var threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        try {
            for (long seed = first; seed < first + runs; seed++) {
                TestSpec spec = new TestSpec("bench", workload, NemesisPackages.parse(nemesis), nodes, 25, 10, 8, seed, "sim",
                        Optional.ofNullable(bug), Optional.empty(), 5, TestSpec.partitionModes("drop,stall,refuse"),
                        TestSpec.commaList("all,quorum"), 5, Optional.empty(), "schism");
                Runner.Outcome o = new Runner(new PrintStream(new ByteArrayOutputStream()), false, Optional.empty())
                        .run(spec, Workloads.find(workload), store);
                verdicts.merge(o.verdict(), 1, Integer::sum);
                if (o.verdict() != Verdict.VALID && caught.length() < 2000) {
                    caught.append("  seed ").append(seed).append(": ").append(o.results().stream()
                            .filter(r -> r.verdict() == o.verdict()).findFirst().orElseThrow()).append('\n');
                }
                ops += Files.readAllLines(o.folder().history()).stream().filter(l -> l.contains("\"invoke\"")
                        && !l.contains("\"process\":-1")).count();
                faults += Files.readAllLines(o.folder().faults()).size();
                if (Boolean.getBoolean("bench.verbose")) {
                    System.out.println("seed " + seed + ": " + o.results() + " " + o.folder().dir());
                } else {
                    delete(o.folder().dir());
                }
            }
        } finally {
            if (!Boolean.getBoolean("bench.verbose")) {
                delete(store);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        System.out.printf("%s/%s, %d nodes, bug %s, seeds %d-%d: %s%n%s", workload, nemesis, nodes, bug, first,
                first + runs - 1, verdicts, caught);
        System.out.printf("%d runs in %.1f s wall, %.1f s CPU (main thread): %.0f runs/min wall, %.0f runs per CPU-minute;"
                + " per run %.0f client ops, %.1f nemesis ops%n", runs, wall, cpu, runs * 60 / wall, runs * 60 / cpu,
                (double) ops / runs, (double) faults / runs);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
