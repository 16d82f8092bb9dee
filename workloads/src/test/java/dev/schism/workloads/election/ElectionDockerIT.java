package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The main job on the docker backend: 30 s of partitions (through the proxy container), docker kills and
 * pauses must end valid, with the node files in the same run-folder layout as the local backend's. Skipped
 * loudly without an engine (failed where SCHISM_REQUIRE_DOCKER=1). About 70 s with the images built.
 */
class ElectionDockerIT {

    @Test
    @Chaos(workload = "election", nemesis = "partition,kill,pause", nodes = 3, timeLimit = 30, seed = 7, backend = "docker")
    void thirtySecondsOfFaultsOnContainersEndValid(Runner.Outcome outcome) throws Exception {
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
}
