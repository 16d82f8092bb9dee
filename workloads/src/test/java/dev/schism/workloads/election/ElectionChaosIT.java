package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job against real node processes: 60 s of writes under partitions and kills must end valid,
 * and the run folder must hold everything the design promises.
 */
class ElectionChaosIT {
    @TempDir
    Path store;

    @Test
    void sixtySecondsOfPartitionsAndKillsEndValid() throws Exception {
        int exit = Main.execute("run", "--workload", "election", "--nemesis", "partition,kill", "--nodes", "5",
                "--time-limit", "60", "--seed", "7", "--store", store.toString());
        Path run = RunFolders.latest(store);
        String summary = RunFolders.electionSummary(run);
        assertEquals(0, exit, summary);
        assertTrue(summary.startsWith("VALID: "), summary);
        for (String f : new String[] {"test.json", "history.jsonl", "faults.jsonl", "events.jsonl", "results.json", "history.edn",
                "nodes/n1/zoo.cfg", "nodes/n5/node.log", "nodes/n3/data/events.jsonl"}) {
            assertTrue(Files.size(run.resolve(f)) > 0, f + " is written");
        }
        History h = HistoryReader.read(run.resolve("history.jsonl"));
        long acked = h.ops().stream().filter(o -> !o.isNemesis() && o.type() == OpType.OK).count();
        long faults = h.ops().stream().filter(o -> o.isNemesis() && !o.isInvoke()).count();
        assertTrue(acked > 100, "clients made progress: " + acked + " acknowledged writes");
        assertTrue(faults >= 4, "faults were injected: " + faults);
        assertTrue(h.ops().stream().anyMatch(o -> o.isNemesis() && o.f().equals("stop-partition") && o.type() == OpType.INFO),
                "the final heal is in the history");
        assertTrue(h.ops().stream().filter(Op::isNemesis).anyMatch(o -> o.f().equals("kill")), "kills happened");
    }
}
