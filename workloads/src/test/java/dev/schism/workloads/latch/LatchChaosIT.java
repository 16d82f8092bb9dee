package dev.schism.workloads.latch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The latch workload on five local node processes under partitions and kills. Correct clients (Curator's
 * LeaderLatch and the seed recipe) must end valid, with leadership having moved; the seed recipe with a
 * seeded bug (it keeps leadership across a lost connection until told its session expired) must be caught
 * with both clients named, while the Curator clients of that same run stay valid.
 */
class LatchChaosIT {
    private static final Pattern TWO_HOLDERS = Pattern.compile("recipe: recipe@n\\d and recipe@n\\d both led for \\d+\\.\\d+ s");

    /** Kept after the test, as the @Chaos runs are, so a failure's run folder can be read. */
    private final Path store = Path.of(System.getProperty("schism.store", "target/schism-store"));

    @Test
    @Chaos(workload = "latch", nemesis = "partition", nodes = 5, timeLimit = 25, seed = 11)
    void correctLatchesStayValid(Runner.Outcome outcome) {
        CheckResult latch = latch(outcome.results());
        System.out.println("LatchChaosIT correct: " + latch + " [" + outcome.folder().dir() + "]");
        assertEquals(Verdict.VALID, outcome.verdict(), outcome.results().toString());
        int terms = 0;
        for (String election : List.of("curator", "recipe")) {
            Map<?, ?> d = (Map<?, ?>) latch.details().get(election);
            assertTrue(((Number) d.get("terms")).intValue() >= 1, election + " had a leader: " + d);
            terms += ((Number) d.get("terms")).intValue();
        }
        assertTrue(terms >= 3, "leadership moved at least once under the partitions: " + latch.summary());
        assertTrue(latch.summary().contains("longest overlap"), latch.summary());
    }

    /**
     * Whether a run exposes the bug depends on a partition cutting the recipe's current leader off from a
     * majority for longer than a session: measured, most 40 s runs with full partitions do (see the
     * README). Seed 6 first: in CI it overlapped for 4.1 s, where seed 5 overlapped for 0.4-0.7 s, near the
     * 500 ms bound. A second seed runs only if the first misses; a checker blind to the bug fails both.
     */
    @Test
    void aRecipeThatKeepsLeadershipWhileDisconnectedIsCaught() throws Exception {
        List<String> misses = new java.util.ArrayList<>();
        for (long seed : new long[] {6, 5}) {
            // As --inject-bug recipe-keeps-leadership gives it: the workload's clients take it, the nodes never see it.
            TestSpec spec = new TestSpec("LatchChaosIT.recipeBug", "latch", List.of("partition"), 5, 40, 10, 50, seed, "local",
                    Optional.of(LatchWorkload.RECIPE_BUG), Optional.empty(), 5, TestSpec.partitionModes("drop,stall,refuse"),
                    List.of("all"), 5);
            Runner.Outcome o = new Runner(System.out, false, Optional.empty()).run(spec, Workloads.find("latch"), store);
            CheckResult latch = latch(o.results());
            System.out.println("LatchChaosIT seeded bug, seed " + seed + ": " + latch);
            Map<?, ?> curator = (Map<?, ?>) latch.details().get("curator");
            assertEquals(0, ((Number) curator.get("overlaps-over-bound")).intValue(), "the correct clients of the same run: " + curator);
            if (latch.verdict() == Verdict.INVALID) {
                assertTrue(TWO_HOLDERS.matcher(latch.summary()).find(), latch.summary());
                return;
            }
            misses.add("seed " + seed + ": " + latch + " [run folder " + o.folder().dir() + "]");
        }
        org.junit.jupiter.api.Assertions.fail("the recipe's split leadership was not caught:\n" + String.join("\n", misses));
    }

    private static CheckResult latch(List<CheckResult> results) {
        return results.stream().filter(r -> r.checker().equals("latch")).findFirst()
                .orElseThrow(() -> new AssertionError("no latch result in " + results));
    }
}
