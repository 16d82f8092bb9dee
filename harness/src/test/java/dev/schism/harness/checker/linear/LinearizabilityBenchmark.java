package dev.schism.harness.checker.linear;

import dev.schism.results.verdict.Verdict;
import dev.schism.harness.checker.format.HistoryFormat;
import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the checker on all of Porcupine's etcd and kv histories in one JVM: parsing excluded (as in
 * Porcupine's figures), a few warm-up rounds, then the median of N timed checks per file. Prints, per file
 * and in total, Schism's median beside Porcupine's (from MANIFEST.tsv, measured on this machine class) and
 * beside a literal Java transcription of Porcupine's search measured in this same run.
 *
 * <p>Run: {@code mvn -q -pl harness -am test-compile} then
 * {@code java -cp harness/target/classes:harness/target/test-classes:results/target/classes:<jackson>
 * dev.schism.harness.checker.linear.LinearizabilityBenchmark [rounds] [warmup] [file-filter]}
 * (the classpath from {@code mvn -pl harness -am test-compile dependency:build-classpath}).
 */
public final class LinearizabilityBenchmark {

    private record Case(String file, Model<?> model, List<Operation> ops, boolean linearizable, double porcupineMs) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "";
        Path dir = PorcupineConformanceTest.dataDir();
        List<Case> cases = new ArrayList<>();
        for (PorcupineConformanceTest.Row row : PorcupineConformanceTest.manifest()) {
            if (row.expected().equals("skip") || !row.file().contains(only)) {
                continue;
            }
            Model<?> model = Models.byName(row.model());
            HistoryFormat fmt = row.model().equals("etcd") ? HistoryFormat.PORCUPINE_ETCD : HistoryFormat.PORCUPINE_KV;
            List<Operation> ops = JepsenOperations.from(model, fmt.read(dir.resolve(row.file())));
            String[] line = Files.readAllLines(dir.resolve("MANIFEST.tsv")).stream()
                    .filter(l -> l.startsWith(row.file() + "\t")).findFirst().orElseThrow().split("\t");
            cases.add(new Case(row.file(), model, ops, row.expected().equals("linearizable"),
                    Double.parseDouble(line[7])));
        }
        System.out.printf(Locale.ROOT, "%d files, %d warm-up rounds, median of %d timed checks each; heap %d MiB%n",
                cases.size(), warmup, rounds, Runtime.getRuntime().maxMemory() >> 20);
        for (int w = 0; w < warmup; w++) {
            for (Case c : cases) {
                timeSchism(c);
                if (hasBaseline(c)) {
                    timeBaseline(c);
                }
            }
        }
        Map<String, double[]> schism = new LinkedHashMap<>();
        Map<String, double[]> baseline = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        for (Case c : cases) {
            cpu.put(c.file, new double[rounds]);
            schism.put(c.file, new double[rounds]);
            baseline.put(c.file, new double[rounds]);
        }
        for (int r = 0; r < rounds; r++) {
            for (Case c : cases) {
                schism.get(c.file)[r] = timeSchism(c);
                cpu.get(c.file)[r] = lastCpuMs;
                baseline.get(c.file)[r] = hasBaseline(c) ? timeBaseline(c) : Double.NaN;
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %12s %14s %10s%n", "file", "schism_ms", "cpu_ms",
                "porcupine_ms", "literal_port_ms", "porc/schism");
        double sumS = 0;
        double sumP = 0;
        double sumB = 0;
        double sumC = 0;
        for (Case c : cases) {
            double s = median(schism.get(c.file));
            double b = median(baseline.get(c.file));
            double cpuMs = median(cpu.get(c.file));
            System.out.printf(Locale.ROOT, "%-22s %10.3f %10s %12.3f %14s %10.2f%n", c.file, s,
                    String.format(Locale.ROOT, "%.3f", cpuMs), c.porcupineMs,
                    Double.isNaN(b) ? "-" : String.format(Locale.ROOT, "%.3f", b), c.porcupineMs / s);
            if (c.file.startsWith("jepsen/")) {
                sumS += s;
                sumP += c.porcupineMs;
                sumB += b;
                sumC += cpuMs;
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "TOTAL etcd (102 files, sum of medians): schism %.1f ms, porcupine %.1f ms"
                + " (README: ~900 ms), literal Java port %.1f ms; porcupine/schism %.2fx, literal/schism %.2fx;"
                + " schism CPU time %.1f ms%n", sumS, sumP, sumB, sumP / sumS, sumB / sumS, sumC);
        for (Case c : cases) {
            if (c.file.startsWith("kv/c50")) {
                double s = median(schism.get(c.file));
                double b = median(baseline.get(c.file));
                String readme = c.file.contains("ok") ? "270-310 ms" : "10-47 ms";
                System.out.printf(Locale.ROOT, "TOTAL %s: schism %.1f ms (min %.1f, max %.1f; process CPU %.1f ms),"
                        + " porcupine %.1f ms (README: %s)%s; porcupine/schism %.2fx%n", c.file, s,
                        min(schism.get(c.file)), max(schism.get(c.file)), median(cpu.get(c.file)), c.porcupineMs, readme,
                        Double.isNaN(b) ? "" : String.format(Locale.ROOT, ", literal Java port (sequential) %.1f ms", b),
                        c.porcupineMs / s);
            }
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    /**
     * CPU time of the last Schism check: of the calling thread for the single-partition etcd files (the whole
     * search), of the whole process for kv (its partition threads; JIT and GC threads too, so a rough figure).
     */
    private static double lastCpuMs;

    private static boolean hasBaseline(Case c) {
        // The literal port searches partitions one after another; c50-bad would then never end (see README).
        return !c.file.equals("kv/c50-bad.txt");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double timeSchism(Case c) {
        boolean single = c.file.startsWith("jepsen/");
        long c0 = single ? THREADS.getCurrentThreadCpuTime() : PROCESS.getProcessCpuTime();
        long t0 = System.nanoTime();
        LinearizabilityResult r = LinearizabilityChecker.check((Model) c.model, c.ops, CheckOptions.DEFAULT);
        long t1 = System.nanoTime();
        lastCpuMs = ((single ? THREADS.getCurrentThreadCpuTime() : PROCESS.getProcessCpuTime()) - c0) / 1e6;
        if ((r.verdict() == Verdict.VALID) != c.linearizable) {
            throw new IllegalStateException(c.file + ": wrong verdict " + r);
        }
        return (t1 - t0) / 1e6;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double timeBaseline(Case c) {
        long t0 = System.nanoTime();
        List<List<Operation>> parts = LinearizabilityChecker.partition((Model) c.model, c.ops, new ArrayList<>());
        boolean all = true;
        for (List<Operation> p : parts) {
            try {
                LiteralPortBaseline.check(c.model, p, true);
            } catch (IllegalStateException e) {
                all = false;
                break;
            }
        }
        long t1 = System.nanoTime();
        if (all != c.linearizable) {
            throw new IllegalStateException(c.file + ": baseline gave the wrong verdict");
        }
        return (t1 - t0) / 1e6;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(Double.NaN);
    }
}
