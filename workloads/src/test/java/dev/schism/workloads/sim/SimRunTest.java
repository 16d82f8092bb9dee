package dev.schism.workloads.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.harness.sim.RunShrinker;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code schism run --backend sim}: the set and register workloads over the simulated ensemble, judged by
 * their own checkers, writing the usual run folder. 3 nodes, 20 simulated seconds under faults and 5 of
 * recovery, 10 clients; each run takes about a second of wall time.
 */
class SimRunTest {
    @TempDir
    Path store;

    static TestSpec spec(String workload, String nemesis, long seed, String bug) {
        return new TestSpec("sim-" + workload, workload, NemesisPackages.parse(nemesis), 3, 20, 10, 20, seed, "sim",
                Optional.ofNullable(bug), Optional.empty(), 3, TestSpec.partitionModes("drop,stall,refuse"),
                TestSpec.commaList("all,quorum"), 5, Optional.empty(), "schism");
    }

    static Runner.Outcome run(TestSpec spec, Path store) throws Exception {
        Workload w = Workloads.find(spec.workload());
        return new Runner(new PrintStream(new ByteArrayOutputStream()), false, Optional.empty()).run(spec, w, store);
    }

    static CheckResult result(Runner.Outcome o, String checker) {
        return o.results().stream().filter(r -> r.checker().equals(checker)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + checker + " result in " + o.results()));
    }

    @Test
    void theCorrectNodeIsValidAndTheSameSeedWritesTheSameHistoryByteForByteAlsoThroughReplay() throws Exception {
        Runner.Outcome a = run(spec("set", "partition,kill", 7, null), store.resolve("a"));
        Runner.Outcome b = run(spec("set", "partition,kill", 7, null), store.resolve("b"));
        assertEquals(Verdict.VALID, a.verdict(), a.results().toString());
        assertTrue(Files.readAllLines(a.folder().faults()).size() >= 4, "faults were injected");
        for (String f : new String[] {"test.json", "results.json", "report.html", "history.edn", "events.jsonl"}) {
            assertTrue(Files.exists(a.folder().dir().resolve(f)), f);
        }
        assertArrayEquals(Files.readAllBytes(a.folder().history()), Files.readAllBytes(b.folder().history()),
                "history.jsonl of the same seed twice");
        assertEquals(0, dev.schism.harness.cli.Main.execute("replay", a.folder().dir().toString(), "--store",
                store.resolve("replay").toString()), "schism replay reproduces the valid run");
        Runner.Outcome c = run(spec("set", "partition,kill", 8, null), store.resolve("c"));
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(a.folder().history()), Files.readAllBytes(c.folder().history())),
                "another seed, another history");
    }

    /**
     * The same seed in another JVM writes the same bytes: nothing may hang on a JVM's hash seeds (Map.of's
     * iteration order differs per JVM; the clock nemesis's op values once came from it). The child runs
     * {@code schism run} from this test's class path, 3-4 s.
     */
    @Test
    void anotherJvmWritesTheSameHistoryForTheSameSeed() throws Exception {
        Runner.Outcome here = run(spec("register", "clock,partition,latency", 4, null), store.resolve("here"));
        Path there = store.resolve("there");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.schism.harness.cli.Main", "run", "--backend", "sim",
                "--name", "sim-register", "--workload", "register", "--nemesis", "clock,partition,latency", "--nodes", "3",
                "--time-limit", "20", "--concurrency", "10", "--rate", "20", "--seed", "4", "--nemesis-interval", "3",
                "--store", there.toString()).redirectErrorStream(true).redirectOutput(store.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the child run ended");
        Path child;
        try (var runs = Files.list(there.resolve("sim-register"))) {
            child = runs.findFirst().orElseThrow();
        }
        assertArrayEquals(Files.readAllBytes(here.folder().history()), Files.readAllBytes(child.resolve("history.jsonl")),
                "history.jsonl of seed 4 here and in a new JVM; the child said:\n" + Files.readString(store.resolve("child.log")));
    }

    /**
     * A simulated server whose code throws stops itself, as the real node exits with status 4, and the run
     * says so instead of dying: epoch-reuse makes a server's log refuse an append out of zxid order (seeds 2
     * and 5 of 1-6 with set/partition,kill once ended the whole run with an internal error).
     */
    @Test
    void aServerThatFailsStopsItselfAndTheRunNamesIt() throws Exception {
        for (long seed = 1; seed <= 6; seed++) {
            Runner.Outcome o = run(spec("set", "partition,kill", seed, "epoch-reuse"), store.resolve("s" + seed));
            java.util.Optional<CheckResult> nodes = o.results().stream().filter(r -> r.checker().equals("nodes")).findFirst();
            if (nodes.isPresent()) {
                assertEquals(Verdict.UNKNOWN, nodes.get().verdict());
                assertTrue(nodes.get().summary().matches("n\\d stopped itself at \\d+ ms: .*"), nodes.get().toString());
                return;
            }
        }
        fail("no server stopped itself in seeds 1-6 of epoch-reuse");
    }

    @Test
    void replayRefusesARunOfAnotherBackendInOneLine() throws Exception {
        Runner.Outcome a = run(spec("register", "pause", 1, null), store);
        Path test = a.folder().testJson();
        Files.writeString(test, Files.readString(test).replace("\"sim\"", "\"local\""));
        // A local run is replayed from its fault schedule (LocalReplayIT); a damaged one is refused before anything starts.
        Files.writeString(a.folder().faults(), "not json\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(254, dev.schism.harness.cli.Main.execute("replay", a.folder().dir().toString()));
    }

    @Test
    void theRegisterWorkloadIsValidOnTheCorrectNode() throws Exception {
        Runner.Outcome o = run(spec("register", "partition,pause", 3, null), store);
        assertEquals(Verdict.VALID, o.verdict(), o.results().toString());
    }

    /**
     * The leader that commits on its own ack loses acknowledged adds once a partition strands it: the set
     * checker names them (76 of seeds 1-100 INVALID; here the first of seeds 1-3 that shows it). Then
     * {@code schism shrink} (10 runs at most) turns the failing run into a no larger one that still loses adds.
     */
    @Test
    void commitBeforeQuorumLosesAcknowledgedAddsAndShrinks() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            Runner.Outcome o = run(spec("set", "partition,pause", seed, "commit-before-quorum"), store.resolve("s" + seed));
            CheckResult set = result(o, "set");
            if (set.verdict() == Verdict.INVALID) {
                assertTrue(set.summary().contains("lost"), set.summary());
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                int exit = new RunShrinker(new PrintStream(printed, true), 10).shrink(o.folder().dir(), store.resolve("shrunk"));
                String text = printed.toString();
                assertEquals(1, exit, text);
                String folder = text.replaceAll("(?s).*minimal run folder (\\S+) .*", "$1").trim();
                TestSpec small = TestSpec.fromData(dev.schism.harness.runner.Analysis.readTest(
                        dev.schism.results.store.RunFolder.open(Path.of(folder))));
                TestSpec big = o.folder() == null ? null : spec("set", "partition,pause", seed, "commit-before-quorum");
                assertTrue(small.nodes() <= big.nodes() && small.timeLimitSeconds() <= big.timeLimitSeconds()
                        && small.nemesis().size() <= big.nemesis().size() && small.concurrency() <= big.concurrency(), text);
                assertTrue(!small.equals(big), "something was cut: " + text);
                assertTrue(Files.readAllLines(Path.of(folder, "faults.jsonl")).size()
                        <= Files.readAllLines(o.folder().faults()).size(), text);
                System.out.println(text);
                return;
            }
        }
        fail("commit-before-quorum was not caught in seeds 1-3");
    }
}
