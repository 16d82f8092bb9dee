package dev.schism.workloads.sim;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Not a test: the detection rate of one seeded bug (or of none) under {@code --backend sim} over a range of
 * seeds, with the checker and first line of each non-valid run, for the README's table. Arguments: workload
 * nemesis nodes firstSeed runs bug|none [reads=plain] [rate=20] [timeLimit=20]; 10 clients, 5 s recovery,
 * a nemesis op every 3 s (the shapes of {@code SimRunTest}).
 */
public final class SeededBugScan {
    private SeededBugScan() {
    }

    public static void main(String[] args) throws Exception {
        String workload = args[0];
        String nemesis = args[1];
        int nodes = Integer.parseInt(args[2]);
        long first = Long.parseLong(args[3]);
        int runs = Integer.parseInt(args[4]);
        String bug = args[5].equals("none") ? null : args[5];
        String reads = args.length > 6 ? args[6] : "plain";
        double rate = args.length > 7 ? Double.parseDouble(args[7]) : 20;
        double limit = args.length > 8 ? Double.parseDouble(args[8]) : 20;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        Path store = Files.createTempDirectory("bug-scan");
        Map<String, Integer> tally = new TreeMap<>();
        long t0 = System.nanoTime();
        try {
            scan(workload, nemesis, nodes, first, runs, bug, reads, rate, limit, store, tally);
        } finally {
            delete(store); // also when a run stops on an internal error
        }
        System.out.printf("%s/%s reads=%s rate=%s %d nodes, bug %s, seeds %d-%d: %s in %.1f s%n", workload, nemesis, reads, rate,
                nodes, bug, first, first + runs - 1, tally, (System.nanoTime() - t0) / 1e9);
    }

    private static void scan(String workload, String nemesis, int nodes, long first, int runs, String bug, String reads, double rate,
                             double limit, Path store, Map<String, Integer> tally) throws Exception {
        for (long seed = first; seed < first + runs; seed++) {
            TestSpec spec = new TestSpec("scan", workload, NemesisPackages.parse(nemesis), nodes, limit, 10, rate, seed, "sim",
                    Optional.ofNullable(bug), Optional.empty(), 3, TestSpec.partitionModes("drop,stall,refuse"),
                    TestSpec.commaList("all,quorum"), 5, workload.equals("register") ? Optional.of(reads) : Optional.empty(), "schism");
            Runner.Outcome o = new Runner(new PrintStream(new ByteArrayOutputStream()), false, Optional.empty())
                    .run(spec, Workloads.find(workload), store);
            for (CheckResult r : o.results()) {
                if (r.verdict() != Verdict.VALID) {
                    tally.merge(r.checker() + " " + r.verdict(), 1, Integer::sum);
                    System.out.println("seed " + seed + " " + r.checker() + " " + r.verdict() + ": "
                            + r.summary().substring(0, Math.min(220, r.summary().length())));
                }
            }
            tally.merge("run " + o.verdict(), 1, Integer::sum);
            if (System.getProperty("staleness") != null) {
                CheckResult r = SimBugRuns.recheckReads(o, Long.getLong("staleness"));
                tally.merge("reads@" + System.getProperty("staleness") + "ms " + r.verdict(), 1, Integer::sum);
                if (r.verdict() != Verdict.VALID) {
                    System.out.println("seed " + seed + " reads@bound " + r.verdict() + ": " + r.summary().substring(0, Math.min(220, r.summary().length())));
                }
            }
            delete(o.folder().dir());
        }
    }

    private static void delete(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
