package dev.schism.workloads.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workloads;
import dev.schism.harness.sim.SimRunner;
import dev.schism.results.verdict.CheckResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schism explore --backend sim --workload set|register} through the real command line: the seeded
 * commit-before-quorum loss is listed with a {@code schism run} line that reproduces it, the correct node
 * explores clean, the output does not depend on {@code --jobs}, and the in-memory check says exactly what
 * the run folder's analysis says. 3 nodes, 10 simulated s under faults and 5 of recovery; about 6 s in all.
 */
class SimExploreTest {
    @TempDir
    Path store;

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n" + out + err;
        }
    }

    private static synchronized Run schism(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String listed(Run r) {
        return r.out().substring(0, r.out().indexOf("explore:"));
    }

    /**
     * Seeds 1-6 of set/partition with commit-before-quorum on 3 nodes: seeds 3 and 6 lose acknowledged adds
     * (2 of 6; over seeds 1-20 with 25 s under faults, 15 INVALID and 2 UNKNOWN). The sim is deterministic,
     * so this always finds seed 3.
     */
    @Test
    void theSeededLossIsListedWithARunCommandThatReproducesItWhateverTheJobs() {
        String[] explore = {"explore", "--backend", "sim", "--workload", "set", "--nodes", "3", "--time-limit", "10",
                "--inject-bug", "commit-before-quorum", "--runs", "6", "--first-seed", "1"};
        Run two = schism(concat(explore, "--jobs", "2"));
        assertEquals(1, two.code(), two.toString());
        Matcher m = Pattern.compile("(?m)^seed (\\d+) INVALID \\(set\\): (\\d+ acknowledged adds lost, .*)\n  replay: schism (run .*)$")
                .matcher(two.out());
        assertTrue(m.find(), two.toString());
        assertTrue(two.out().contains(": 4 VALID, 2 INVALID, 0 UNKNOWN;"), two.toString());

        Run one = schism(concat(explore, "--jobs", "1"));
        assertEquals(listed(two), listed(one), "--jobs 1 and 2 list different seeds");

        Run replay = schism(concat(m.group(3).split(" "), "--store", store.toString()));
        assertEquals(1, replay.code(), replay.toString());
        assertTrue(replay.out().contains("  set INVALID: " + m.group(2) + "\n"), "the run says otherwise:\n" + replay
                + "\nexplore said for seed " + m.group(1) + ": " + m.group(2));
    }

    @Test
    void theCorrectNodeExploresCleanUnderPartitionsAndKills() {
        Run r = schism("explore", "--backend", "sim", "--workload", "register", "--nodes", "3", "--nemesis", "partition,kill",
                "--time-limit", "10", "--runs", "8", "--jobs", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().startsWith("explore: 8 runs of register (3 nodes, partition,kill)"), r.toString());
        assertTrue(r.out().contains(": 8 VALID, 0 INVALID, 0 UNKNOWN;"), r.toString());
    }

    /** Every checker's verdict and evidence, in memory and from the run folder, for failing and passing seeds. */
    @Test
    void theInMemoryCheckSaysWhatTheRunFolderSays() throws Exception {
        for (long seed = 1; seed <= 2; seed++) {
            for (String workload : List.of("set", "register")) {
                TestSpec spec = SimRunTest.spec(workload, "partition,pause", seed, "commit-before-quorum");
                List<String> memory = lines(SimRunner.check(spec, Workloads.find(workload)));
                Runner.Outcome folder = SimRunTest.run(spec, store);
                assertEquals(lines(folder.results()), memory, workload + " seed " + seed);
            }
        }
    }

    @Test
    void badArgumentsAreOneLineAndExit254() {
        for (String[] args : List.of(
                new String[] {"explore", "--workload", "protocol", "--nemesis", "kill", "--runs", "1"},
                new String[] {"explore", "--backend", "local", "--workload", "set", "--runs", "1"},
                new String[] {"explore", "--workload", "set", "--inject-bug", "no-such-bug", "--runs", "1"},
                new String[] {"explore", "--workload", "set", "--nemesis", "latency,strobe", "--runs", "1"})) {
            Run r = schism(args);
            assertEquals(254, r.code(), String.join(" ", args) + "\n" + r);
            assertEquals(1, r.err().strip().lines().count(), r.toString());
            assertFalse(r.err().contains("Exception"), r.toString());
        }
    }

    private static List<String> lines(List<CheckResult> results) {
        List<String> out = new ArrayList<>();
        results.forEach(r -> out.add(r.toString()));
        return out;
    }

    private static String[] concat(String[] a, String... more) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }
}
