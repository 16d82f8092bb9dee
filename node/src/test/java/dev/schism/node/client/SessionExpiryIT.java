package dev.schism.node.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.schism.node.process.Ensemble;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

/**
 * Session expiry on a real 3-server Schism ensemble: a client cut off from its server (socket closed, no
 * closeSession) past its timeout loses its ephemerals on every server, and sees Expired when it returns.
 */
class SessionExpiryIT {
    @Test
    void aPartitionedClientExpiresEverywhere() throws Exception {
        try (Ensemble e = Ensemble.builder().timing(200, 10, 5).start(Duration.ofSeconds(60))) {
            long follower = e.leader() == 1 ? 2 : 1;
            try (CuttableProxy proxy = new CuttableProxy(e.clientPort(follower))) {
                LinkedBlockingQueue<Watcher.Event.KeeperState> states = new LinkedBlockingQueue<>();
                ZooKeeper victim = Clients.connect("127.0.0.1:" + proxy.port(), 2000, ev -> states.add(ev.getState()));
                ZooKeeper[] observers = new ZooKeeper[3];
                try {
                    victim.create("/eph", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.EPHEMERAL);
                    Thread.sleep(3 * 2000); // alive across several timeouts: touches reach the leader
                    LinkedBlockingQueue<WatchedEvent> deletions = new LinkedBlockingQueue<>();
                    for (int sid = 1; sid <= 3; sid++) {
                        observers[sid - 1] = Clients.connect("127.0.0.1:" + e.clientPort(sid), 4000, null);
                        assertNotNull(observers[sid - 1].exists("/eph", deletions::add), "server " + sid);
                    }
                    proxy.cut();
                    for (int sid = 1; sid <= 3; sid++) {
                        WatchedEvent gone = deletions.poll(15, TimeUnit.SECONDS);
                        assertNotNull(gone, "not every server deleted the ephemeral");
                        assertEquals(Watcher.Event.EventType.NodeDeleted, gone.getType());
                    }
                    for (int sid = 1; sid <= 3; sid++) {
                        assertNull(observers[sid - 1].exists("/eph", false), "server " + sid);
                    }
                    proxy.heal();
                    await("client never saw Expired").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                            .until(() -> states.poll(1, TimeUnit.SECONDS) == Watcher.Event.KeeperState.Expired);
                } finally {
                    victim.close();
                    for (ZooKeeper o : observers) {
                        if (o != null) {
                            o.close();
                        }
                    }
                }
            }
        }
    }
}
