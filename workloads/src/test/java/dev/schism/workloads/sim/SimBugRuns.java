package dev.schism.workloads.sim;

import dev.schism.harness.checker.register.RegisterCheckers;
import dev.schism.harness.runner.Analysis;
import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.harness.runner.Runner;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.verdict.CheckResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Helpers of the seeded-bug tests and scans over {@code --backend sim} runs. */
final class SimBugRuns {
    private SimBugRuns() {
    }

    /**
     * The register reads checker again over a finished run, with the sync staleness bound set to
     * {@code boundMs} (the test.json field a run may carry): the Schism node sends every sync through its log,
     * so even a deposed leader cannot answer one, and a read after sync may miss no write acknowledged before
     * the sync began (bound 0), where ZooKeeper needs 2 x syncLimit.
     */
    static CheckResult recheckReads(Runner.Outcome o, long boundMs) throws IOException {
        Map<String, Object> test = new java.util.LinkedHashMap<>(Analysis.readTest(o.folder()));
        test.put("sync-staleness-ms", boundMs);
        RunData data = new RunData(HistoryReader.read(o.folder().history()), List.of(), test);
        for (RunChecker c : RegisterCheckers.all()) {
            if (c.toString().equals("reads")) {
                return c.check(data);
            }
        }
        throw new IllegalStateException("no reads checker in " + RegisterCheckers.all());
    }
}
