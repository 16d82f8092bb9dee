package dev.schism.workloads.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schism.harness.cli.Main;
import dev.schism.harness.junit.Chaos;
import dev.schism.harness.junit.RequiresDocker;
import dev.schism.harness.runner.Runner;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import dev.schism.workloads.election.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The election and set suites and the seeded split brain on {@code --backend docker}. Election and set, on
 * 3 containers with 15 s of partitions (through the proxy container), docker kills and pauses each, must end
 * valid, with the node files in the local backend's run-folder layout.
 *
 * <p>The split brain ({@code establish-without-quorum}, election workload, partitions) must be caught: exit
 * 1 naming the epoch and both leaders. It runs as the README's bug command does, on 5 containers for 60 s:
 * the partition nemesis puts the leader and the next favourite together on the smaller side, which 3 nodes
 * allow only when they are one node (3 containers, 20 s: caught in 5 of 11 runs), and shorter runs missed
 * more often on a quiet machine (5 containers, 30 s: 1 of 3). Measured with {@code
 * workloads/bench/catch-rate.sh election partition establish-without-quorum 5 60 1 --backend docker --nodes 5}:
 * caught in 5 of 5 (load average 5-15). The test tries up to three seeds and passes on the first catch.
 * Skipped loudly without an engine (failed where SCHISM_REQUIRE_DOCKER=1).
 */
@RequiresDocker
class DockerSuitesIT {
    private static final Pattern TWO_LEADERS = Pattern.compile("^INVALID: .*epoch \\d+ has two leaders, n\\d and n\\d");
    private static final int SEEDS = 3;

    @TempDir
    Path store;

    @Test
    @Chaos(workload = "election", nemesis = "partition,kill,pause", nodes = 3, timeLimit = 15, recovery = 2, seed = 7, backend = "docker")
    void electionUnderFaultsOnContainersEndsValid(Runner.Outcome outcome) throws Exception {
        Path run = outcome.folder().dir();
        assertEquals(Verdict.VALID, outcome.verdict(), outcome.results().toString());
        for (String f : new String[] {"test.json", "history.jsonl", "events.jsonl", "results.json", "nodes/n1/zoo.cfg",
                "nodes/n2/node.log", "nodes/n3/data/events.jsonl"}) {
            assertTrue(Files.size(run.resolve(f)) > 0, f + " is written");
        }
        assertTrue(Files.readString(run.resolve("test.json")).contains("\"docker\""), "the backend is recorded");
        History h = HistoryReader.read(run.resolve("history.jsonl"));
        long acked = h.ops().stream().filter(o -> !o.isNemesis() && o.type() == OpType.OK).count();
        long faults = h.ops().stream().filter(o -> o.isNemesis() && !o.isInvoke() && o.error() == null).count();
        assertTrue(acked > 50, "clients made progress: " + acked + " acknowledged writes");
        assertTrue(faults >= 3, "faults were injected and took effect: " + faults);
        // Every heal worked: a refused link's proxy listens again inside the proxy container (no IPv6 there).
        assertTrue(h.ops().stream().filter(o -> o.isNemesis() && !o.isInvoke() && o.f().startsWith("stop-"))
                .allMatch(o -> o.error() == null), "a heal failed: " + Files.readString(run.resolve("faults.jsonl")));
    }

    @Test
    @Chaos(workload = "set", nemesis = "partition,kill,pause", nodes = 3, timeLimit = 15, recovery = 2, seed = 11, backend = "docker")
    void setUnderFaultsOnContainersEndsValid(Runner.Outcome outcome) {
        assertEquals(Verdict.VALID, outcome.verdict(), outcome.results().toString());
        CheckResult set = outcome.results().stream().filter(c -> c.checker().equals("set")).findFirst()
                .orElseThrow(() -> new AssertionError("no set result in " + outcome.results()));
        assertEquals(Verdict.VALID, set.verdict(), set.toString());
        assertTrue(((Number) set.details().getOrDefault("ok", 0)).intValue() > 50, "adds were acknowledged: " + set);
    }

    @Test
    void theSeededSplitBrainIsCaughtOnContainers() throws Exception {
        List<String> misses = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
            Path runs = store.resolve("seed-" + seed);
            int exit = Main.execute("run", "--workload", "election", "--nemesis", "partition", "--nodes", "5",
                    "--time-limit", "60", "--seed", Integer.toString(seed), "--inject-bug", "establish-without-quorum",
                    "--backend", "docker", "--store", runs.toString());
            String summary = RunFolders.electionSummary(RunFolders.latest(runs));
            if (exit == 1) {
                assertTrue(TWO_LEADERS.matcher(summary).find(), summary);
                return;
            }
            misses.add("seed " + seed + " exit " + exit + ": " + summary);
        }
        fail("the injected split brain was not caught on docker in " + SEEDS + " seeds:\n" + String.join("\n", misses));
    }
}
