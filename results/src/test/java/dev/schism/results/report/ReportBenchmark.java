package dev.schism.results.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Report generation time and size for synthetic runs of 1k, 10k and 100k history ops (arguments override
 * the sizes), each the best of a few rounds after a warm-up, with the ratio against the 1k run (the
 * baseline, measured in the same JVM). Also the time to read the run folder alone, to show what is
 * drawing and what is parsing. Run with {@code results/bench/report-benchmark.sh}.
 */
public final class ReportBenchmark {
    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000} : Stream.of(args).mapToInt(Integer::parseInt).toArray();
        Path tmp = Files.createTempDirectory("schism-report-bench-");
        try {
            Path warm = tmp.resolve("warm");
            SyntheticRun.write(warm, 20_000, 7);
            for (int i = 0; i < 3; i++) {
                RunReport.write(warm);
            }
            double baseMs = -1;
            System.out.println("ops      read ms  report ms  size      ms/1k ops  ratio vs " + sizes[0]);
            for (int n : sizes) {
                Path run = tmp.resolve("run-" + n);
                SyntheticRun.write(run, n, 1);
                double read = best(() -> RunInput.load(run), n);
                double total = best(() -> RunReport.write(run), n);
                long size = Files.size(run.resolve(RunReport.FILE));
                if (baseMs < 0) {
                    baseMs = total;
                }
                System.out.printf(Locale.ROOT, "%-8d %7.0f  %9.0f  %-9s %9.2f  %5.1fx%n", n, read, total, Html.bytes(size),
                        total / (n / 1000.0), total / baseMs);
            }
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static double best(Step step, int n) throws Exception {
        int rounds = n >= 100_000 ? 3 : 5;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            step.run();
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        return best;
    }
}
