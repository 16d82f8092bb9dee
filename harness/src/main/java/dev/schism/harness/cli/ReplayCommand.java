package dev.schism.harness.cli;

import dev.schism.harness.replay.LiveReplay;
import dev.schism.harness.runner.Analysis;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.harness.sim.SimRunner;
import dev.schism.results.store.RunFolder;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schism replay <run-folder>}: runs a stored sim run again from its test.json (same seed, same
 * options) into a new run folder and compares the two histories byte for byte. A run of the process or
 * container backends is run again with its recorded fault schedule ({@link LiveReplay}); that cannot be
 * exact, and the command says so up front and then how closely it matched.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a stored run again. --backend sim: the same seed and options, checking that it writes the identical history.jsonl. "
                + "local/docker (best effort): the same test and seed with the recorded faults at their recorded offsets, then the verdict "
                + "then and now and the fault ops' drift. Exit 0 valid, 1 invalid, 2 unknown or (sim) a different history.")
public final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN-FOLDER", description = "A run folder of a sim run, e.g. store/latest.")
    Path folder;

    @Option(names = "--store", defaultValue = "store", description = "Folder for the replay's run folder (default: ${DEFAULT-VALUE}).")
    Path store;

    @Override
    public Integer call() throws Exception {
        RunCommand.quietClientLogs();
        RunFolder original;
        TestSpec spec;
        LiveReplay.Recorded recorded = null;
        try {
            original = RunFolder.open(folder);
            spec = TestSpec.fromData(Analysis.readTest(original));
            if (!SimRunner.applies(spec)) {
                recorded = LiveReplay.recorded(original); // a bad faults.jsonl or results.json is refused before anything starts
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Workload w = Workloads.find(spec.workload());
        if (!SimRunner.applies(spec)) {
            return live(recorded, spec, w);
        }
        Runner.Outcome o = new SimRunner(System.out).run(spec, w, store);
        for (CheckResult r : o.results()) {
            System.out.println("  " + r);
        }
        String diff = difference(original.history(), o.folder().history());
        System.out.println("schism: " + o.verdict() + " (seed " + spec.seed() + ")");
        System.out.println("schism: run folder " + o.folder().dir());
        if (diff != null) {
            System.out.println("schism: replay DIFFERS from " + original.dir() + ": " + diff);
            return Verdict.UNKNOWN.exitCode();
        }
        System.out.println("schism: replay identical: history.jsonl of " + original.dir() + " reproduced byte for byte ("
                + Files.readAllLines(o.folder().history()).size() + " ops)");
        return o.verdict().exitCode();
    }

    private int live(LiveReplay.Recorded original, TestSpec spec, Workload w) throws IOException {
        System.out.println(LiveReplay.bestEffort(spec));
        Runner runner = new Runner(System.out, System.console() != null, Optional.empty());
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> { // Ctrl-C: let the run heal and stop its nodes before the JVM goes
            runner.interrupt();
            try {
                done.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "schism-replay-sigint");
        Runtime.getRuntime().addShutdownHook(hook);
        LiveReplay.Result r;
        try {
            r = LiveReplay.run(original, spec, w, store, runner);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
        for (CheckResult c : r.outcome().results()) {
            System.out.println("  " + c);
        }
        System.out.println("schism: verdict then " + r.then().map(Verdict::toString).orElse("unknown (no results.json)")
                + ", now " + r.outcome().verdict() + " (seed " + spec.seed() + ")");
        r.match().lines().forEach(l -> System.out.println("schism: " + l));
        System.out.println("schism: run folder " + r.outcome().folder().dir());
        System.out.println("schism: report " + r.outcome().folder().report());
        return r.outcome().verdict().exitCode();
    }

    /** Null if the files are identical, else the first line that differs. */
    static String difference(Path a, Path b) throws IOException {
        List<String> la = Files.readAllLines(a);
        List<String> lb = Files.readAllLines(b);
        for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
            String x = i < la.size() ? la.get(i) : "(end of file)";
            String y = i < lb.size() ? lb.get(i) : "(end of file)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": was " + x + ", now " + y;
            }
        }
        return java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)) ? null : "the same lines, other bytes";
    }
}
