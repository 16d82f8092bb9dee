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
 * <p>The README's bug command, as it is: five nodes, {@code --nemesis partition}, 60 s. Whether a run hits
 * a window in which two servers establish one epoch depends on timing: measured on a quiet 2-core machine
 * about nine runs in ten catch it (see the README). The test therefore allows up to four seeds and passes
 * on the first catch (all four missing: about one build in 10,000); a harness that cannot see split brain
 * fails it every time.
 */
class InjectedBugIT {
    private static final Pattern TWO_LEADERS = Pattern.compile("^INVALID: .*epoch \\d+ has two leaders, n\\d and n\\d");
    private static final int SEEDS = 4;

    @TempDir
    Path store;

    @Test
    void establishWithoutQuorumIsCaughtUnderPartitions() throws Exception {
        List<String> misses = new ArrayList<>();
        for (int seed = 1; seed <= SEEDS; seed++) {
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
        fail("the injected split brain was not caught in " + SEEDS + " seeds:\n" + String.join("\n", misses));
    }
}
