package dev.schism.workloads.election;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.schism.harness.cli.Main;
import dev.schism.results.history.HistoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a run: the command is a real process (the shaded jar), gets SIGINT, and must
 * leave no node process behind and a history that {@code analyze} checks.
 */
class InterruptIT {
    @TempDir
    Path store;

    /** Whether this process inherited SIGINT as ignored (bit 1 of SigIgn in /proc/self/status). */
    private static boolean sigintIgnored() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0b10) != 0;
            }
        }
        return false;
    }

    @Test
    void sigintStopsEverythingAndLeavesACheckableHistory() throws Exception {
        Path jar = Path.of("target", "schism.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        Path log = store.resolve("cli.log");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "run", "--workload", "election", "--nemesis", "partition,kill", "--nodes", "3", "--time-limit", "120",
                "--seed", "11", "--store", store.toString()));
        if (sigintIgnored()) {
            // Started from a non-interactive shell's background job, this JVM ignores SIGINT and so would the
            // command (a JVM cannot undo an inherited SIG_IGN); restore the default for the child, as a terminal would.
            assumeTrue(new ProcessBuilder("python3", "-c", "pass").start().waitFor() == 0, "SIGINT is ignored here and python3 is missing");
            cmd.addAll(0, List.of("python3", "-c",
                    "import os,signal,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])"));
        }
        Process cli = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> nodes = List.of();
        try {
            await("50 ops in the history").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertTrue(cli.isAlive(), "the run ended early: " + Files.readString(log));
                        Path latest = store.resolve("latest");
                        return Files.exists(latest) && Files.exists(latest.toRealPath().resolve("history.jsonl"))
                                && Files.readAllLines(latest.toRealPath().resolve("history.jsonl")).size() > 50;
                    });
            nodes = cli.descendants().toList();
            assertTrue(nodes.size() >= 3, "node processes are children of the command: " + nodes);
            new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();
            assertTrue(cli.waitFor(60, TimeUnit.SECONDS), "the command exits after SIGINT");
            for (ProcessHandle p : nodes) {
                assertTrue(p.onExit().isDone() || !p.isAlive(), "left behind: pid " + p.pid() + " " + p.info().commandLine().orElse(""));
            }
            Path run = store.resolve("latest").toRealPath();
            assertTrue(HistoryReader.read(run.resolve("history.jsonl")).size() > 50);
            int exit = Main.execute("analyze", run.toString());
            assertTrue(exit == 0 || exit == 1 || exit == 2, "analyze checks the cut-short run, exit " + exit);
            assertTrue(Files.size(run.resolve("results.json")) > 0);
            assertTrue(Files.size(run.resolve("events.jsonl")) > 0, "role journals were merged");
        } finally {
            cli.destroyForcibly();
            for (ProcessHandle p : nodes) {
                p.destroyForcibly();
            }
        }
    }
}
