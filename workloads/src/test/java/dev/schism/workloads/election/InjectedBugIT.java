package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schism.harness.cli.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that establishes epochs without a quorum must be caught: exit 1, naming the epoch and two leaders.
 *
 * <p>Whether one 60 s run hits the window in which two leaders pick the same epoch depends on timing, so
 * detection is a rate (measured at 10 of 10 seeds, see {@code workloads/bench/detection.sh}), not a
 * certainty. The test allows up to three seeds, so that a correct harness fails it with probability of
 * about a thousandth, while a harness that cannot see split brain fails it every time.
 */
class InjectedBugIT {
    private static final Pattern TWO_LEADERS = Pattern.compile("^INVALID: .*epoch \\d+ has two leaders, n\\d and n\\d");

    @TempDir
    Path store;

    @Test
    void establishWithoutQuorumIsCaughtUnderPartitions() throws Exception {
        List<String> misses = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            Path runs = store.resolve("seed-" + seed);
            int exit = Main.execute("run", "--workload", "election", "--nemesis", "partition", "--nodes", "5",
                    "--time-limit", "60", "--seed", Integer.toString(seed), "--inject-bug", "establish-without-quorum",
                    "--store", runs.toString());
            String summary = RunFolders.electionSummary(RunFolders.latest(runs));
            if (exit == 1) {
                assertTrue(TWO_LEADERS.matcher(summary).find(), summary);
                return;
            }
            misses.add("seed " + seed + " exit " + exit + ": " + summary);
        }
        fail("the injected split brain was not caught in 3 seeds:\n" + String.join("\n", misses));
    }
}
