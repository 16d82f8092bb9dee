package dev.schism.workloads.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Workload × nemesis on the correct node, 10–12 s of combined faults each: every checker must say VALID (a false alarm
 * here is a checker bug or a node bug), and each run must have checked something.
 */
class NightlyMatrixIT {

    private static void assertValidAndChecked(Runner.Outcome o, String... checkers) {
        assertEquals(Verdict.VALID, o.verdict(), o.results().toString());
        for (String name : checkers) {
            CheckResult r = o.results().stream().filter(c -> c.checker().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " result in " + o.results()));
            assertEquals(Verdict.VALID, r.verdict(), r.toString());
        }
    }

    @Test
    @Chaos(workload = "set", nemesis = "partition,kill", timeLimit = 12, seed = 11)
    void setUnderPartitionsAndKills(Runner.Outcome o) {
        assertValidAndChecked(o, "set");
        assertTrue(((Number) o.results().get(0).details().get("ok")).intValue() > 50, o.results().get(0).toString());
    }

    @Test
    @Chaos(workload = "set", nemesis = "pause,clock", nodes = 3, timeLimit = 10, seed = 13)
    void setUnderPausesAndClockFaults(Runner.Outcome o) {
        assertValidAndChecked(o, "set");
    }

    @Test
    @Chaos(workload = "register", nemesis = "partition,kill", timeLimit = 12, seed = 14, reads = "sync")
    void registerWithSyncReadsUnderPartitionsAndKills(Runner.Outcome o) {
        assertValidAndChecked(o, "linearizability", "reads");
    }

    @Test
    @Chaos(workload = "register", nemesis = "pause,clock", nodes = 3, timeLimit = 10, seed = 16)
    void registerUnderPausesAndClockFaults(Runner.Outcome o) {
        assertValidAndChecked(o, "linearizability", "reads");
    }

    @Test
    @Chaos(workload = "election", nemesis = "pause,clock,kill", nodes = 3, timeLimit = 10, seed = 18)
    void electionUnderPausesClockFaultsAndKills(Runner.Outcome o) {
        assertValidAndChecked(o, "election", "znode-versions");
    }
}
