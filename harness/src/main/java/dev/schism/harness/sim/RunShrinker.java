package dev.schism.harness.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schism.harness.runner.Analysis;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.store.RunFolder;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code schism shrink <run-folder>} for a failing sim run: greedy delta debugging over the test itself —
 * drop a nemesis package, fewer nodes, half the time under faults, the recovery, the clients or the rate,
 * faults half as often — keeping each smaller test whose run still breaks the same checker, until nothing
 * more goes. Every candidate is a whole simulated run with the same seed; the minimal one is written as a new
 * run folder and its faults are printed one per line.
 */
public final class RunShrinker {
    /** Candidate runs at most, the first (the original again) included. */
    public static final int DEFAULT_BUDGET = 40;

    private final PrintStream out;
    private final int budget;

    public RunShrinker(PrintStream out, int budget) {
        this.out = out;
        this.budget = budget;
    }

    /** A smaller test and what was cut to get it. */
    private record Candidate(String what, TestSpec spec) {
        @Override
        public String toString() {
            return what + ": " + spec;
        }
    }

    /** Shrinks the run in {@code folder}; returns the exit code of the minimal run (1 when it shrank a failure). */
    public int shrink(Path folder, Path store) throws IOException {
        RunFolder original = RunFolder.open(folder);
        TestSpec spec = TestSpec.fromData(Analysis.readTest(original));
        if (!SimRunner.applies(spec)) {
            throw new IllegalArgumentException(original.testJson() + ": backend '" + spec.backend()
                    + "' cannot be shrunk (only --backend sim runs replay exactly)");
        }
        Path scratch = Files.createTempDirectory("schism-shrink");
        try {
            Runner.Outcome first = run(spec, scratch);
            String checker = first.results().stream().filter(r -> r.verdict() == Verdict.INVALID).map(CheckResult::checker)
                    .findFirst().orElse(null);
            if (checker == null) {
                out.println("shrink: " + folder + " replays " + first.verdict() + "; nothing to shrink");
                return first.verdict().exitCode();
            }
            long started = System.nanoTime();
            int runs = 1;
            TestSpec best = spec;
            boolean progress = true;
            while (progress && runs < budget) {
                progress = false;
                for (Candidate c : candidates(best)) {
                    if (runs >= budget) {
                        break;
                    }
                    runs++;
                    if (fails(run(c.spec, scratch), checker)) {
                        best = c.spec;
                        progress = true;
                        break;
                    }
                }
            }
            Runner.Outcome minimal = new SimRunner(new PrintStream(new ByteArrayOutputStream())).run(best, Workloads.find(best.workload()), store);
            out.printf("shrink: %d runs in %.1f s; %s keeps failing%n", runs, (System.nanoTime() - started) / 1e9, checker);
            out.println("before: " + spec + ", " + faults(original).size() + " nemesis ops");
            out.println("after:  " + best + ", " + faults(minimal.folder()).size() + " nemesis ops");
            for (String line : faults(minimal.folder())) {
                out.println("  " + line);
            }
            minimal.results().stream().filter(r -> r.checker().equals(checker)).forEach(r -> out.println("  " + r));
            out.println("shrink: minimal run folder " + minimal.folder().dir() + " (schism replay " + minimal.folder().dir() + ")");
            return minimal.verdict().exitCode();
        } finally {
            delete(scratch);
        }
    }

    private static boolean fails(Runner.Outcome o, String checker) {
        return o.results().stream().anyMatch(r -> r.checker().equals(checker) && r.verdict() == Verdict.INVALID);
    }

    private static Runner.Outcome run(TestSpec spec, Path scratch) throws IOException {
        Runner.Outcome o = new SimRunner(new PrintStream(new ByteArrayOutputStream())).run(spec, Workloads.find(spec.workload()), scratch);
        delete(o.folder().dir());
        return o;
    }

    /** Smaller tests, the biggest cuts first. */
    private static List<Candidate> candidates(TestSpec s) {
        List<Candidate> out = new ArrayList<>();
        if (s.nemesis().size() > 1) {
            for (String n : s.nemesis()) {
                List<String> rest = new ArrayList<>(s.nemesis());
                rest.remove(n);
                out.add(new Candidate("without " + n, with(s, rest, s.nodes(), s.timeLimitSeconds(), s.concurrency(), s.rate(),
                        s.nemesisIntervalSeconds(), s.recoverySeconds())));
            }
        }
        if (s.nodes() > 3) {
            out.add(new Candidate("fewer nodes", with(s, s.nemesis(), s.nodes() - 2, s.timeLimitSeconds(), s.concurrency(), s.rate(),
                    s.nemesisIntervalSeconds(), s.recoverySeconds())));
        }
        if (s.timeLimitSeconds() >= 4) {
            out.add(new Candidate("half the time", with(s, s.nemesis(), s.nodes(), Math.floor(s.timeLimitSeconds() / 2), s.concurrency(),
                    s.rate(), s.nemesisIntervalSeconds(), s.recoverySeconds())));
        }
        if (s.nemesisIntervalSeconds() < s.timeLimitSeconds()) {
            out.add(new Candidate("faults half as often", with(s, s.nemesis(), s.nodes(), s.timeLimitSeconds(), s.concurrency(), s.rate(),
                    s.nemesisIntervalSeconds() * 2, s.recoverySeconds())));
        }
        if (s.concurrency() > 1) {
            out.add(new Candidate("half the clients", with(s, s.nemesis(), s.nodes(), s.timeLimitSeconds(), s.concurrency() / 2, s.rate(),
                    s.nemesisIntervalSeconds(), s.recoverySeconds())));
        }
        if (s.recoverySeconds() > 0) {
            out.add(new Candidate("no recovery", with(s, s.nemesis(), s.nodes(), s.timeLimitSeconds(), s.concurrency(), s.rate(),
                    s.nemesisIntervalSeconds(), 0)));
        }
        if (s.rate() > 1) {
            out.add(new Candidate("half the rate", with(s, s.nemesis(), s.nodes(), s.timeLimitSeconds(), s.concurrency(), s.rate() / 2,
                    s.nemesisIntervalSeconds(), s.recoverySeconds())));
        }
        return out;
    }

    private static TestSpec with(TestSpec s, List<String> nemesis, int nodes, double time, int concurrency, double rate,
                                 double interval, double recovery) {
        return new TestSpec(s.name(), s.workload(), nemesis, nodes, time, concurrency, rate, s.seed(), s.backend(), s.injectBug(),
                s.toxiproxy(), interval, s.partitionModes(), s.partitionLinks(), recovery, s.reads(), s.target(), s.finalReadSeconds());
    }

    /** The nemesis ops of a run, one readable line each: {@code 5.1 s start-partition {...}}. */
    private static List<String> faults(RunFolder f) throws IOException {
        List<String> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String l : Files.readAllLines(f.faults())) {
            Map<?, ?> m = json.readValue(l, Map.class);
            Object value = m.get("value");
            if (value instanceof Map<?, ?> v && v.containsKey("cut")) {
                value = v.get("grudge") + " " + v.get("mode") + " " + v.get("links") + " cut " + v.get("cut");
            }
            lines.add(String.format(java.util.Locale.ROOT, "%.1f s %s %s", ((Number) m.get("start")).longValue() / 1e9, m.get("f"), value));
        }
        return lines;
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

    @Override
    public String toString() {
        return "RunShrinker";
    }
}
