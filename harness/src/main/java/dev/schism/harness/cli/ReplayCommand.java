package dev.schism.harness.cli;

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schism replay <run-folder>}: runs a stored sim run again from its test.json (same seed, same
 * options) into a new run folder and compares the two histories byte for byte. Runs of the process and
 * container backends cannot be replayed exactly; this command says so rather than pretend.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Run a stored --backend sim run again (same seed and options) and check that it writes the identical history.jsonl; "
                + "exit 0 valid, 1 invalid, 2 unknown or a different history.")
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
        try {
            original = RunFolder.open(folder);
            spec = TestSpec.fromData(Analysis.readTest(original));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!SimRunner.applies(spec)) {
            throw new IllegalArgumentException(original.testJson() + ": backend '" + spec.backend()
                    + "' cannot be replayed exactly (only --backend sim runs can); run it again with: schism run --seed "
                    + spec.seed() + " ...");
        }
        Workload w = Workloads.find(spec.workload());
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
