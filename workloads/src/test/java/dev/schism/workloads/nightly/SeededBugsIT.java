package dev.schism.workloads.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each data-losing seeded bug of the node is caught by the workload built to see it: the run ends INVALID
 * and the checker names the evidence (lost elements; versions out of zxid order). Each bug gets up to
 * three seeds of 30 s and passes on the first catch (the measured rates are in the README).
 */
class SeededBugsIT {
    /**
     * The commit-before-quorum runs leave the cut-off leader and another server that never serve again (their
     * logs are ahead of the new leader's); their final reads would wait the default 60 s for nothing. The
     * servers that do serve answer within a second of the heal.
     */
    private static final double FINAL_READ_SECONDS = 15;

    private static CheckResult firstCatch(String workload, String checker, String bug, String nemesis) throws Exception {
        StringBuilder misses = new StringBuilder();
        for (long seed = 1; seed <= 3; seed++) {
            Workload w = Workloads.find(workload);
            TestSpec spec = new TestSpec("SeededBugsIT." + bug + "." + workload, w.name(), NemesisPackages.parse(nemesis), 5, 30, 10, 50, seed, "local",
                    Optional.of(bug), Optional.empty(), 5, TestSpec.partitionModes("drop,stall,refuse"), TestSpec.commaList("all,quorum"), 5,
                    Optional.empty(), "schism", FINAL_READ_SECONDS);
            Runner.Outcome o = new Runner(System.out, false, Optional.empty()).run(spec, w, Path.of("target/schism-store"));
            CheckResult r = o.results().stream().filter(c -> c.checker().equals(checker)).findFirst().orElseThrow();
            if (r.verdict() == Verdict.INVALID) {
                assertEquals(Verdict.INVALID, o.verdict());
                return r;
            }
            misses.append(" seed ").append(seed).append(": ").append(r).append(" [").append(o.folder().dir()).append(']');
        }
        throw new AssertionError(bug + " was not caught in three seeds:" + misses);
    }

    @Test
    void aLeaderThatCommitsBeforeAQuorumLosesAcknowledgedAddsWhenCutOff() throws Exception {
        CheckResult r = firstCatch("set", "set", "commit-before-quorum", "partition");
        assertTrue(r.summary().contains("acknowledged adds lost"), r.toString());
        assertTrue(!((List<?>) r.details().get("lost")).isEmpty(), r.toString());
    }

    @Test
    void aLeaderThatSendsDiffInsteadOfTruncForksTheZnodesVersionHistory() throws Exception {
        CheckResult r = firstCatch("election", "znode-versions", "diff-instead-of-trunc", "partition");
        assertTrue(r.summary().contains("has a later zxid but not a higher version") || r.summary().contains("diverge"), r.toString());
    }
}
