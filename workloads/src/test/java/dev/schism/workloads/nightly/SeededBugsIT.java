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
 * Each data-losing seeded bug of the node is caught by the set workload, which reads every server back:
 * the run ends INVALID and the set checker names lost elements or diverged replicas. Each bug gets up to
 * three seeds of 30 s and passes on the first catch (the measured rates are in the README).
 */
class SeededBugsIT {

    private static CheckResult firstCatch(String bug, String nemesis) throws Exception {
        StringBuilder misses = new StringBuilder();
        for (long seed = 1; seed <= 3; seed++) {
            Workload w = Workloads.find("set");
            TestSpec spec = new TestSpec("SeededBugsIT." + bug, w.name(), NemesisPackages.parse(nemesis), 5, 30, 10, 50, seed, "local",
                    Optional.of(bug), Optional.empty(), 5, TestSpec.partitionModes("drop,stall,refuse"), TestSpec.commaList("all,quorum"), 5,
                    Optional.empty());
            Runner.Outcome o = new Runner(System.out, false, Optional.empty()).run(spec, w, Path.of("target/schism-store"));
            CheckResult set = o.results().stream().filter(r -> r.checker().equals("set")).findFirst().orElseThrow();
            if (set.verdict() == Verdict.INVALID) {
                assertEquals(Verdict.INVALID, o.verdict());
                return set;
            }
            misses.append(" seed ").append(seed).append(": ").append(set).append(" [").append(o.folder().dir()).append(']');
        }
        throw new AssertionError(bug + " was not caught in three seeds:" + misses);
    }

    @Test
    void aLeaderThatCommitsBeforeAQuorumLosesAcknowledgedAddsWhenCutOff() throws Exception {
        CheckResult r = firstCatch("commit-before-quorum", "partition");
        assertTrue(r.summary().contains("acknowledged adds lost"), r.toString());
        assertTrue(!((List<?>) r.details().get("lost")).isEmpty(), r.toString());
    }

    @Test
    void aLeaderThatSendsDiffInsteadOfTruncLeavesReplicasDiverged() throws Exception {
        CheckResult r = firstCatch("diff-instead-of-trunc", "partition,kill");
        assertTrue(r.summary().contains("replicas diverge") || r.summary().contains("lost"), r.toString());
    }
}
