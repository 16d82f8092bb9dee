package dev.schism.workloads.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import dev.schism.harness.replay.FaultSchedule;
import dev.schism.harness.replay.LiveReplay;
import dev.schism.harness.replay.RecordedFault;
import dev.schism.harness.replay.ScheduleMatch;
import dev.schism.results.store.RunFolder;
import dev.schism.results.verdict.ResultsJson;
import dev.schism.workloads.election.RunFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schism replay} of a local run: three node processes, election workload, partitions and kills for
 * 8 s, then the replay of that run folder. Its faults.jsonl must hold the recorded ops (the same cuts, the
 * same nodes killed) in the same order, each within a generous 5 s of its recorded offset from the start of
 * the main phase (the nemesis thread waits for each op to finish, so a slow kill delays the next), and its
 * verdict must be written. Wall time 46 s on the loaded 2-core machine (two runs of about 20 s with node start-up).
 */
class LocalReplayIT {
    private static final long TOLERANCE = TimeUnit.SECONDS.toNanos(5);

    @TempDir
    Path store;

    @Test
    void aLocalRunIsReplayedWithTheSameFaultsAtTheSameOffsets() throws Exception {
        Path first = store.resolve("first");
        int exit = Main.execute("run", "--workload", "election", "--backend", "local", "--nemesis", "partition,kill",
                "--nodes", "3", "--time-limit", "8", "--nemesis-interval", "1.5", "--recovery", "0", "--seed", "5",
                "--store", first.toString());
        assertTrue(exit >= 0 && exit <= 2, "the original run ran, exit " + exit);
        RunFolder original = RunFolder.open(RunFolders.latest(first));
        FaultSchedule recorded = LiveReplay.schedule(original);
        assertTrue(recorded.mainPhase(TimeUnit.SECONDS.toNanos(8)).size() >= 3, "a schedule worth replaying: " + recorded.faults());

        Path second = store.resolve("replay");
        int replayExit = Main.execute("replay", original.dir().toString(), "--store", second.toString());
        assertTrue(replayExit >= 0 && replayExit <= 2, "the replay ran and was checked, exit " + replayExit);
        RunFolder replay = RunFolder.open(RunFolders.latest(second));
        assertNotEquals(original.dir(), replay.dir());
        assertTrue(Files.exists(replay.results()) && !ResultsJson.read(replay.results()).isEmpty(), "the replay's verdict is written");

        FaultSchedule replayed = LiveReplay.schedule(replay);
        ScheduleMatch match = ScheduleMatch.of(recorded.faults(), replayed.faults());
        assertTrue(match.sameOps(), String.join("\n", match.lines()));
        assertEquals(recorded.faults().size(), replayed.faults().size());
        for (int i = 0; i < recorded.faults().size(); i++) {
            RecordedFault a = recorded.faults().get(i);
            RecordedFault b = replayed.faults().get(i);
            assertTrue(Math.abs(a.offsetNanos() - b.offsetNanos()) <= TOLERANCE, "op " + (i + 1) + " drifted: " + a + " then, " + b + " now\n"
                    + String.join("\n", match.lines()));
        }
    }
}
