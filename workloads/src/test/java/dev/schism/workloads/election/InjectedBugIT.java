package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node that establishes epochs without a quorum must be caught: exit 1, naming the epoch and two leaders. */
class InjectedBugIT {
    @TempDir
    Path store;

    @Test
    void establishWithoutQuorumIsCaughtUnderPartitions() throws Exception {
        int exit = Main.execute("run", "--workload", "election", "--nemesis", "partition", "--nodes", "5",
                "--time-limit", "60", "--seed", "1", "--inject-bug", "establish-without-quorum", "--store", store.toString());
        String summary = RunFolders.electionSummary(RunFolders.latest(store));
        assertEquals(1, exit, summary);
        assertTrue(Pattern.compile("^INVALID: .*epoch \\d+ has two leaders, n\\d and n\\d").matcher(summary).find(), summary);
    }
}
