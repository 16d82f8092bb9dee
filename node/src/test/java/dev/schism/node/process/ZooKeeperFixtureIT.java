package dev.schism.node.process;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The fixture itself, checked against the reference implementation: three Apache ZooKeeper 3.9.4 processes
 * elect a leader, serve the official client, and survive SIGKILL of the leader. If this fails, the fixture
 * (not the node) is broken.
 */
class ZooKeeperFixtureIT {
    @Test
    void realZooKeeperEnsembleFormsAndFailsOver() throws Exception {
        try (Ensemble zk = Ensemble.builder().flavor(Ensemble.Flavor.ZOOKEEPER).timing(500, 10, 5).build()) {
            zk.startAll();
            long leader = zk.awaitStable(Duration.ofSeconds(60));
            try (ZooKeeper c = Clients.connect(zk.connectString(), Duration.ofSeconds(20))) {
                c.create("/fixture", "v".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
            }
            zk.kill(leader);
            assertFalse(zk.server(leader).alive());
            long next = zk.awaitStable(Duration.ofSeconds(60));
            assertNotEquals(leader, next);
            long other = zk.sids().stream().filter(s -> s != leader && s != next).findFirst().orElseThrow();
            try (ZooKeeper c = Clients.connect(zk.connectString(other), Duration.ofSeconds(20))) {
                assertEquals("v", new String(c.getData("/fixture", false, null), StandardCharsets.UTF_8));
            }
        }
    }
}
