package dev.schism.node.process;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Five servers, one of them an observer: only participants lead; the observer follows and serves reads. */
class ObserverEnsembleIT {
    @Test
    void observerNeverLeadsAndServesReads() throws Exception {
        try (Ensemble e = ThreeServerEnsembleIT.nodes().participants(4).observers(1).build()) {
            try {
                e.startAll();
                long observer = 5;
                long leader = e.awaitStable(Duration.ofSeconds(60));
                assertNotEquals(observer, leader);
                assertEquals("observer", e.mode(observer));
                try (ZooKeeper c = Clients.connect(e.connectString(observer), Duration.ofSeconds(30))) {
                    c.create("/via-observer", "o".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                            CreateMode.PERSISTENT);
                }
                e.kill(leader);
                long next = e.awaitStable(Duration.ofSeconds(60));
                assertNotEquals(observer, next);
                assertNotEquals(leader, next);
                assertEquals("observer", e.mode(observer));
                try (ZooKeeper c = Clients.connect(e.connectString(observer), Duration.ofSeconds(30))) {
                    assertEquals("o", new String(c.getData("/via-observer", false, null), StandardCharsets.UTF_8));
                }
                assertEquals(0, Journals.leadingCount(e, observer));
                Journals.assertWellFormedAndOneLeaderPerEpoch(e);
            } catch (Throwable t) {
                System.out.println(e.logTails(80));
                throw t;
            }
        }
    }
}
