package dev.schism.workloads.election;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.schism.harness.cli.Main;
import dev.schism.harness.junit.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * SIGKILL of the {@code schism run} JVM, as a user's CI timeout would do it: no shutdown hook runs. Local
 * node processes must exit by themselves; containers stay until the next run or {@code schism clean}
 * removes them. SIGTERM (like Ctrl-C, it runs the shutdown hooks) removes them on the way out. About
 * 30 s for local, 45 s for each docker case.
 */
class HarnessKillIT {
    @TempDir
    Path store;

    private Process run(String backend) throws Exception {
        Path jar = Path.of("target", "schism.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the shaded jar is built in the package phase: " + jar);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "run", "--workload", "election", "--nemesis", "none", "--nodes", "3", "--time-limit", "120", "--seed", "3",
                "--backend", backend, "--store", store.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(store.resolve("cli.log").toFile()).start();
    }

    /** Waits until clients are writing (the cluster is up), failing early if the run ended. */
    private void awaitWrites(Process cli) {
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertTrue(cli.isAlive(), "the run ended early: " + Files.readString(store.resolve("cli.log")));
            Path latest = store.resolve("latest");
            return Files.exists(latest) && Files.exists(latest.toRealPath().resolve("history.jsonl"))
                    && Files.readAllLines(latest.toRealPath().resolve("history.jsonl")).size() > 20;
        });
    }

    @Test
    void localNodesExitWhenTheirHarnessIsKilled() throws Exception {
        Process cli = run("local");
        List<ProcessHandle> nodes = List.of();
        try {
            awaitWrites(cli);
            nodes = cli.descendants().toList();
            assertTrue(nodes.size() >= 3, "node processes are children of the command: " + nodes);
            cli.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup by the harness
            assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
            List<ProcessHandle> watched = nodes;
            await().atMost(Duration.ofSeconds(20)).until(() -> watched.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            cli.destroyForcibly();
            nodes.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @RequiresDocker
    void containersOfAKilledHarnessAreRemovedByClean() throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        Process cli = run("docker");
        try {
            awaitWrites(cli);
            String owner = "/" + cli.pid() + "/";
            assertEquals(4, owned(docker, owner), "3 node containers and the proxy run");
            cli.destroyForcibly();
            assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
            assertEquals(4, owned(docker, owner), "with no hook run, the containers outlive the harness");
            assertEquals(0, Main.execute("clean"));
            assertEquals(0, owned(docker, owner), "schism clean removed the dead harness's containers");
            assertFalse(docker.listNetworksCmd().withFilter("label", List.of("dev.schism.run")).exec().stream()
                    .anyMatch(n -> n.getLabels().getOrDefault("dev.schism.owner", "").contains(owner)), "and its network");
        } finally {
            cli.destroyForcibly();
        }
    }

    @Test
    @RequiresDocker
    void aTerminatedHarnessRemovesItsContainersItself() throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        Process cli = run("docker");
        try {
            awaitWrites(cli);
            String owner = "/" + cli.pid() + "/";
            assertEquals(4, owned(docker, owner), "3 node containers and the proxy run");
            // Testcontainers' own hook may remove the containers before ours runs: the journal survives because
            // the container's /data is this folder (bind-mounted), written as the node goes.
            Path journal = store.resolve("latest").toRealPath().resolve("nodes/n1/data/events.jsonl");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(journal));
            cli.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C does
            assertTrue(cli.waitFor(90, TimeUnit.SECONDS), "the command exits after SIGTERM");
            assertEquals(0, owned(docker, owner), "the harness removed its containers on the way out");
            Path run = store.resolve("latest").toRealPath();
            assertTrue(Files.size(run.resolve("nodes/n1/data/events.jsonl")) > 0, "and the journals are kept");
        } finally {
            cli.destroyForcibly();
        }
    }

    private static long owned(DockerClient docker, String owner) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of("dev.schism.run")).exec().stream()
                .filter(c -> c.getLabels().getOrDefault("dev.schism.owner", "").contains(owner)).count();
    }
}
