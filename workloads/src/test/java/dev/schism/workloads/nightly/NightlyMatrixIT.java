package dev.schism.workloads.nightly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import org.junit.jupiter.api.Test;

/**
 * Workload × nemesis on the correct node, 10–12 s of faults each (five nodes under partitions, three otherwise) and 2 s
 * of recovery, and the
 * partition and election runs once more on the simulator: every checker must say VALID (a false alarm
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
    @Chaos(workload = "set", nemesis = "partition", timeLimit = 12, recovery = 2, seed = 11)
    void setUnderPartitions(Runner.Outcome o) {
        assertValidAndChecked(o, "set");
        CheckResult set = o.results().stream().filter(c -> c.checker().equals("set")).findFirst().orElseThrow();
        assertTrue(((Number) set.details().getOrDefault("ok", 0)).intValue() > 50, "clients made progress: " + set);
    }

    @Test
    @Chaos(workload = "set", nemesis = "kill", nodes = 3, timeLimit = 10, recovery = 2, seed = 12)
    void setUnderKills(Runner.Outcome o) {
        assertValidAndChecked(o, "set");
    }

    @Test
    @Chaos(workload = "set", nemesis = "pause,clock", nodes = 3, timeLimit = 10, recovery = 2, seed = 13)
    void setUnderPausesAndClockFaults(Runner.Outcome o) {
        assertValidAndChecked(o, "set");
    }

    @Test
    @Chaos(workload = "register", nemesis = "partition", timeLimit = 12, recovery = 2, seed = 14)
    void registerUnderPartitions(Runner.Outcome o) {
        assertValidAndChecked(o, "linearizability", "reads");
    }

    @Test
    @Chaos(workload = "register", nemesis = "kill", nodes = 3, timeLimit = 10, recovery = 2, seed = 15, reads = "sync")
    void registerWithSyncReadsUnderKills(Runner.Outcome o) {
        assertValidAndChecked(o, "linearizability", "reads");
    }

    @Test
    @Chaos(workload = "register", nemesis = "pause,clock", nodes = 3, timeLimit = 10, recovery = 2, seed = 16)
    void registerUnderPausesAndClockFaults(Runner.Outcome o) {
        assertValidAndChecked(o, "linearizability", "reads");
    }

    @Test
    @Chaos(workload = "election", nemesis = "pause", nodes = 3, timeLimit = 10, recovery = 2, seed = 17)
    void electionUnderPauses(Runner.Outcome o) {
        assertValidAndChecked(o, "election", "znode-versions");
    }

    @Test
    @Chaos(workload = "election", nemesis = "clock,kill", nodes = 3, timeLimit = 10, recovery = 2, seed = 20)
    void electionUnderClockFaultsAndKills(Runner.Outcome o) {
        assertValidAndChecked(o, "election", "znode-versions");
    }

    /**
     * The partition runs and the election's pause run above again, on {@code --backend sim}: the same specs, generators and checkers over the
     * simulated ensemble, so the simulator and the local processes agree that the correct node is valid.
     */
    @Test
    @Chaos(workload = "set", nemesis = "partition", timeLimit = 12, recovery = 2, seed = 11, backend = "sim")
    void setUnderPartitionsOnTheSimulator(Runner.Outcome o) {
        assertValidAndChecked(o, "set");
    }

    @Test
    @Chaos(workload = "register", nemesis = "partition", timeLimit = 12, recovery = 2, seed = 14, backend = "sim")
    void registerUnderPartitionsOnTheSimulator(Runner.Outcome o) {
        assertValidAndChecked(o, "linearizability", "reads");
    }

    @Test
    @Chaos(workload = "election", nemesis = "pause", nodes = 3, timeLimit = 10, recovery = 2, seed = 17, backend = "sim")
    void electionUnderPausesOnTheSimulator(Runner.Outcome o) {
        assertValidAndChecked(o, "election", "znode-versions");
    }
}
