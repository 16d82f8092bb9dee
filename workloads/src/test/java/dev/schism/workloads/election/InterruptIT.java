package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.cli.Main;
import dev.schism.results.history.HistoryReader;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void sigintStopsEverythingAndLeavesACheckableHistory() throws Exception {
        Path jar = Path.of("target", "schism.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        Path log = store.resolve("cli.log");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "run", "--workload", "election", "--nemesis", "partition,kill", "--nodes", "3", "--time-limit", "120",
                "--seed", "11", "--store", store.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> nodes = List.of();
        try {
            Path history = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (Files.exists(store.resolve("latest"))) {
                    history = store.resolve("latest").toRealPath().resolve("history.jsonl");
                    if (Files.exists(history) && Files.readAllLines(history).size() > 50) {
                        break;
                    }
                }
                assertTrue(cli.isAlive(), "the run ended early: " + Files.readString(log));
                Thread.sleep(500);
            }
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
