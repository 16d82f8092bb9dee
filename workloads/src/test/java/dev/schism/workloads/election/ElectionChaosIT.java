package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The main job against real node processes: 30 s of writes under partitions and kills must end valid,
 * and the run folder must hold everything the design promises.
 */
class ElectionChaosIT {

    @Test
    @Chaos(workload = "election", nemesis = "partition,kill", nodes = 5, timeLimit = 30, recovery = 2, seed = 7)
    void thirtySecondsOfPartitionsAndKillsEndValid(Runner.Outcome outcome) throws Exception {
        Path run = outcome.folder().dir();
        assertEquals(Verdict.VALID, outcome.verdict(), outcome.results().toString());
        for (String f : new String[] {"test.json", "history.jsonl", "faults.jsonl", "events.jsonl", "results.json", "history.edn", "report.html",
                "nodes/n1/zoo.cfg", "nodes/n5/node.log", "nodes/n3/data/events.jsonl"}) {
            assertTrue(Files.size(run.resolve(f)) > 0, f + " is written");
        }
        History h = HistoryReader.read(run.resolve("history.jsonl"));
        long acked = h.ops().stream().filter(o -> !o.isNemesis() && o.type() == OpType.OK).count();
        long faults = h.ops().stream().filter(o -> o.isNemesis() && !o.isInvoke()).count();
        assertTrue(acked > 100, "clients made progress: " + acked + " acknowledged writes");
        assertTrue(faults >= 4, "faults were injected: " + faults);
        assertTrue(h.ops().stream().filter(Op::isNemesis).anyMatch(o -> o.f().equals("kill") && !o.isInvoke()), "kills happened");
        Op lastHeal = h.ops().stream().filter(o -> o.isNemesis() && o.f().equals("stop-partition") && !o.isInvoke())
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no stop-partition in the history"));
        assertTrue(h.ops().stream().filter(o -> o.index() > lastHeal.index()).noneMatch(o -> o.isNemesis() && o.f().equals("start-partition")),
                "the final heal comes after the last partition");
    }
}
