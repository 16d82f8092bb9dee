package dev.schism.harness.sut.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schism.harness.backend.ClusterRequest;
import dev.schism.harness.backend.docker.DockerBackend;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a ZooKeeper target cannot do on the docker backend is refused before any engine is asked. */
class ZooKeeperOnDockerRefusalTest {
    private static ClusterRequest request(Optional<String> bug, boolean clockFaults) {
        return new ClusterRequest(3, Path.of("target/never-created"), bug, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                1, new PrintStream(PrintStream.nullOutputStream()), "zookeeper:3.9.4", clockFaults);
    }

    @Test
    void clockFaultsAreRefusedWithTheBackendThatTakesThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DockerBackend().create(request(Optional.empty(), true)));
        assertEquals("--nemesis clock: target zookeeper:3.9.4 takes clock faults through libfaketime, on the local backend only (use --backend local)",
                e.getMessage());
    }

    @Test
    void injectedBugsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DockerBackend().create(request(Optional.of("establish-without-quorum"), false)));
        assertEquals("--inject-bug establish-without-quorum breaks the Schism node; ZooKeeper has no such switch", e.getMessage());
    }
}
