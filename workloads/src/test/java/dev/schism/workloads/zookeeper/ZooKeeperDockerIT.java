package dev.schism.workloads.zookeeper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ZooKeeper 3.9.4 on the docker backend: three containers of {@code schism/zookeeper:3.9.4} (built here
 * from the release's jars, no registry) under 15 s of partitions through the proxy container and docker
 * kills must end valid, with the role journal's leaders exactly those ZooKeeper logged. Skipped loudly
 * without an engine. 40 s with the image built at load average 6-13 (74-92 s at 22-35).
 */
class ZooKeeperDockerIT {

    @Test
    @Chaos(workload = "election", nemesis = "partition,kill", nodes = 3, timeLimit = 15, nemesisInterval = 3, seed = 3,
            backend = "docker", target = "zookeeper:3.9.4")
    void zooKeeperContainersEndValidUnderPartitionsAndKills(Runner.Outcome outcome) throws Exception {
        ZooKeeperTargetIT.check(outcome);
        Path run = outcome.folder().dir();
        assertTrue(Files.readString(run.resolve("nodes/n1/zoo.cfg")).contains("server.2=toxiproxy:"), "peers are reached through the proxy");
        assertTrue(Files.readString(run.resolve("test.json")).contains("\"docker\""), "the backend is recorded");
    }
}
