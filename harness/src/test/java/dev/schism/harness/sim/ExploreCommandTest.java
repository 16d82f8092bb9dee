package dev.schism.harness.sim;

import dev.schism.harness.cli.CliRun;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code schism explore} and {@code schism shrink} through the real command line, as a user runs them. */
class ExploreCommandTest {
    private static CliRun schism(String... args) {
        return CliRun.of(args);
    }

    private static String[] words(String command) {
        // the replay command quotes its schedule in single quotes, as a shell would take it
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(command);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out.subList(1, out.size()).toArray(String[]::new); // without "schism"
    }

    @Test
    void theCorrectCoreExploresClean() {
        CliRun r = schism("explore", "--workload", "protocol", "--runs", "200", "--jobs", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("explore: 200 runs in"), r.toString());
        assertTrue(r.out().contains(": 200 safe, 0 INVALID"), r.toString());
    }

    @Test
    void theSeededSplitBrainIsListedWithAReplayThatReproducesIt() {
        CliRun r = schism("explore", "--workload", "protocol", "--runs", "100", "--nodes", "5", "--inject-bug",
                "establish-without-quorum");
        assertEquals(1, r.code(), r.toString());
        Matcher m = Pattern.compile("(?m)^(seed \\d+ INVALID at t=\\d+: two established leaders in epoch \\d+: \\d and \\d)\n"
                + "  replay: (schism explore .*)$").matcher(r.out());
        assertTrue(m.find(), r.toString());
        CliRun replay = schism(words(m.group(2)));
        assertEquals(1, replay.code(), replay.toString());
        assertTrue(replay.out().startsWith(m.group(1) + "\n"), "replay differs:\n" + replay + "\nfrom\n" + m.group(1));
    }

    @Test
    void jobsDoNotChangeTheOutcome() {
        CliRun one = schism("explore", "--workload", "protocol", "--runs", "60", "--jobs", "1", "--inject-bug", "diff-instead-of-trunc");
        CliRun two = schism("explore", "--workload", "protocol", "--runs", "60", "--jobs", "2", "--inject-bug", "diff-instead-of-trunc");
        assertEquals(one.code(), two.code());
        assertEquals(one.out().substring(0, one.out().indexOf("explore:")), two.out().substring(0, two.out().indexOf("explore:")));
    }

    @Test
    void traceOfOneRunIsByteIdenticalTwice() {
        CliRun a = schism("explore", "--workload", "protocol", "--seed", "3", "--runs", "1", "--trace");
        CliRun b = schism("explore", "--workload", "protocol", "--seed", "3", "--runs", "1", "--trace");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().lines().count() > 500, "every event, one a line");
        assertEquals(a.out(), b.out());
    }

    @Test
    void shrinkPrintsAMinimalScheduleWhoseReplayStillFails() {
        CliRun r = schism("shrink", "--seed", "5", "--nodes", "5", "--inject-bug", "establish-without-quorum");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.out().startsWith("shrink: seed 5, "), r.toString());
        assertTrue(r.out().contains("minimal schedule: "), r.toString());
        Matcher m = Pattern.compile("(?m)^replay: (schism explore .*)$").matcher(r.out());
        assertTrue(m.find(), r.toString());
        CliRun replay = schism(words(m.group(1)));
        assertEquals(1, replay.code(), replay.toString());
        assertTrue(replay.out().contains("two established leaders"), replay.toString());
    }

    @Test
    void badArgumentsExit254InOneLine() {
        for (String[] args : new String[][] {
                {"explore", "--workload", "register"},
                {"explore", "--workload", "protocol", "--nodes", "4"},
                {"explore", "--workload", "protocol", "--inject-bug", "nope"},
                {"explore", "--workload", "protocol", "--runs", "2", "--trace"},
                {"explore", "--workload", "protocol", "--runs", "1", "--schedule", "ticks=5;1:crash:1"},
                {"shrink", "--seed", "x"}}) {
            CliRun r = schism(args);
            assertEquals(254, r.code(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().lines().count(), r.toString());
            assertTrue(r.err().startsWith("schism: "), r.toString());
            assertFalse(r.err().contains("Exception"), r.toString());
        }
    }
}
