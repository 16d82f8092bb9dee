package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schism.harness.cli.Main;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that establishes epochs without a quorum must be caught: exit 1, naming the epoch and two leaders.
 *
 * <p>Whether a run hits the window in which two leaders pick the same epoch depends on timing, so
 * detection is a rate, not a certainty: 10 of 10 seeds of 60 s on a loaded machine, but only about half
 * on a quiet one (see {@code workloads/bench/detection.sh}). The test therefore tries up to ten short
 * seeds and passes on the first catch; a harness that cannot see split brain fails it every time.
 *
 * <p>Even so, on a quiet machine about one run in six catches it within 30 s, so the test is too likely
 * to fail by chance to gate every build: it runs with {@code -Dschism.it.detection=true}. Making the
 * partition nemesis provoke the election race reliably is the open work (see the issue note).
 */
@EnabledIfSystemProperty(named = "schism.it.detection", matches = "true")
class InjectedBugIT {
    private static final Pattern TWO_LEADERS = Pattern.compile("^INVALID: .*epoch \\d+ has two leaders, n\\d and n\\d");

    @TempDir
    Path store;

    @Test
    void establishWithoutQuorumIsCaughtUnderPartitions() throws Exception {
        List<String> misses = new ArrayList<>();
        for (int seed = 1; seed <= 10; seed++) {
            Path runs = store.resolve("seed-" + seed);
            int exit = Main.execute("run", "--workload", "election", "--nemesis", "partition", "--nodes", "5",
                    "--time-limit", "30", "--seed", Integer.toString(seed), "--inject-bug", "establish-without-quorum",
                    "--store", runs.toString());
            String summary = RunFolders.electionSummary(RunFolders.latest(runs));
            if (exit == 1) {
                assertTrue(TWO_LEADERS.matcher(summary).find(), summary);
                return;
            }
            misses.add("seed " + seed + " exit " + exit + ": " + summary);
        }
        fail("the injected split brain was not caught in 10 seeds:\n" + String.join("\n", misses));
    }
}
