package dev.schism.harness.cli;

import dev.schism.harness.runner.Analysis;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.store.RunFolder;
import dev.schism.results.verdict.CheckResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code schism analyze <run-folder>}: re-checks a stored run (also one cut short by Ctrl-C) and rewrites results.json. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Re-check a stored run folder with its workload's checkers; exit 0 valid, 1 invalid, 2 unknown.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN-FOLDER", description = "A run folder, e.g. store/latest.")
    Path folder;

    @Override
    public Integer call() throws Exception {
        RunCommand.quietClientLogs();
        RunFolder run;
        Map<String, Object> test;
        try {
            run = RunFolder.open(folder);
            test = Analysis.readTest(run);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        Object name = test.get("workload");
        if (!(name instanceof String wname)) {
            throw new IllegalArgumentException(run.testJson() + ": field 'workload' must be a string, got " + name);
        }
        Workload w = Workloads.find(wname);
        List<CheckResult> results = Analysis.analyze(run, w.checkers(), List.of());
        for (CheckResult r : results) {
            System.out.println("  " + r);
        }
        var verdict = CheckResult.compose(results);
        System.out.println("schism: " + verdict);
        System.out.println("schism: run folder " + run.dir());
        System.out.println("schism: report " + run.report());
        return verdict.exitCode();
    }
}
