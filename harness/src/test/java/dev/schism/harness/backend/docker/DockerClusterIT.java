package dev.schism.harness.backend.docker;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import dev.schism.harness.backend.Backends;
import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.ClusterRequest;
import dev.schism.harness.backend.FourLetterWords;
import dev.schism.harness.junit.RequiresDocker;
import dev.schism.harness.nemesis.ClockControl;
import dev.schism.harness.nemesis.Grudges;
import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.nemesis.ProcessControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * A 3-node docker cluster made through the backend seam: leader, docker kill and start with data kept,
 * docker pause, a partition through the proxy container, a clock shift; on close the logs and journals
 * are in nodes/nN/ and no container or network of the run is left. About 60 s.
 */
@RequiresDocker
class DockerClusterIT {
    @TempDir
    Path dir;

    @Test
    void threeContainersSurviveKillPausePartitionAndLeaveNothingBehind() throws Exception {
        DockerClient docker = DockerClientFactory.instance().client();
        Cluster c = Backends.create("docker", new ClusterRequest(3, dir, Optional.empty(), ClusterRequest.defaultConfig(),
                Optional.empty(), Optional.empty(), Optional.empty(), 1, System.out));
        DockerCluster dc = (DockerCluster) c;
        try {
            long t0 = System.nanoTime();
            c.start();
            String leader = c.awaitLeader(Duration.ofSeconds(60));
            System.out.printf("docker: 3 nodes to a leader in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            ProcessControl p = c.target().processes().orElseThrow();

            long k = System.nanoTime();
            p.kill(leader);
            assertFalse(p.running().contains(leader));
            String next = c.awaitLeader(Duration.ofSeconds(60));
            System.out.printf("docker: new leader %.1f s after docker kill of the leader%n", (System.nanoTime() - k) / 1e9);
            assertNotEquals(leader, next);
            p.start(leader);
            await().atMost(Duration.ofSeconds(60)).until(() -> FourLetterWords.ruok(dc.adminAddress(leader), 1000));
            await().atMost(Duration.ofSeconds(60)).until(() -> FourLetterWords.mode(dc.adminAddress(leader), 1000).orElse("").equals("follower"));

            String follower = c.nodes().stream().filter(n -> !n.equals(next)).findFirst().orElseThrow();
            p.pause(follower);
            assertEquals(Set.of(follower), p.paused());
            assertFalse(FourLetterWords.ruok(dc.adminAddress(follower), 500), "a paused node does not answer");
            p.resume(follower);
            assertTrue(p.paused().isEmpty());

            ClockControl clocks = c.target().clocks().orElseThrow();
            clocks.shift(follower, 5000);
            assertEquals(5000, clocks.offset(follower));
            clocks.reset(follower);

            c.target().network().orElseThrow().partition(Grudges.isolate(c.nodes(), next), PartitionMode.DROP);
            await().atMost(Duration.ofSeconds(60)).until(() -> c.nodes().stream().filter(n -> !n.equals(next))
                    .anyMatch(n -> FourLetterWords.mode(dc.adminAddress(n), 1000).orElse("").equals("leader")));
            c.target().network().orElseThrow().heal();
            assertEquals(List.of(), c.ownExits(), "every stop so far was the harness's");
        } finally {
            c.close();
        }
        for (String n : List.of("n1", "n2", "n3")) {
            assertTrue(Files.size(dir.resolve(n).resolve("data/events.jsonl")) > 0, n + "'s role journal copied out");
            assertTrue(Files.readString(dir.resolve(n).resolve("zoo.cfg")).contains("server."), n + "'s zoo.cfg copied out");
            assertTrue(Files.size(dir.resolve(n).resolve("node.log")) > 0, n + "'s log copied out");
        }
        String run = Labels.RUN + "=" + dc.runId();
        assertEquals(List.of(), docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(run)).exec(), "no container left by " + run);
        assertEquals(List.of(), docker.listNetworksCmd().withFilter("label", List.of(run)).exec(), "no network left by " + run);
    }
}
