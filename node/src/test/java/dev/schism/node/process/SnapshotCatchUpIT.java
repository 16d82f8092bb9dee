package dev.schism.node.process;

import org.apache.zookeeper.AsyncCallback;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A follower that was down while the others logged more than the leader keeps in memory catches up by
 * SNAP: it installs the leader's snapshot (replacing its log), and after another SIGKILL it recovers from
 * that snapshot. Snapshots are taken every 2,000 txns, so the logs are purged along the way.
 */
class SnapshotCatchUpIT {
    private static final int WRITES = 24_000;

    @Test
    void laggingFollowerInstallsASnapshotAndRecoversFromIt() throws Exception {
        try (Ensemble e = ThreeServerEnsembleIT.nodes().config("snapCount=2000").build()) {
            try {
                e.startAll();
                long leader = e.awaitStable(Duration.ofSeconds(60));
                long lagger = e.sids().stream().filter(s -> s != leader).findFirst().orElseThrow();
                long other = e.sids().stream().filter(s -> s != leader && s != lagger).findFirst().orElseThrow();
                e.kill(lagger);
                try (ZooKeeper c = Clients.connect(e.connectString(leader, other), Duration.ofSeconds(30))) {
                    c.create("/bulk", new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                    writeMany(c);
                }
                e.start(lagger);
                e.awaitStable(Duration.ofSeconds(60));
                assertHasEverything(e, lagger);
                assertTrue(e.log(lagger).contains("installed Snapshot{"), "the lagging follower was SNAP-synced");

                e.kill(lagger);
                e.start(lagger);
                e.awaitStable(Duration.ofSeconds(60));
                assertHasEverything(e, lagger);
                Journals.assertWellFormedAndOneLeaderPerEpoch(e);
            } catch (Throwable t) {
                System.out.println(e.logTails(80));
                throw t;
            }
        }
    }

    private static void writeMany(ZooKeeper c) throws Exception {
        Semaphore window = new Semaphore(32);
        AtomicLong failed = new AtomicLong();
        AsyncCallback.StringCallback done = (rc, path, ctx, name) -> {
            if (rc != KeeperException.Code.OK.intValue()) {
                failed.incrementAndGet();
            }
            window.release();
        };
        for (int i = 0; i < WRITES; i++) {
            window.acquire();
            c.create("/bulk/n" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                    CreateMode.PERSISTENT, done, null);
        }
        assertTrue(window.tryAcquire(32, 60, TimeUnit.SECONDS));
        assertEquals(0, failed.get(), "no write failed while two of three servers were up");
    }

    private static void assertHasEverything(Ensemble e, long sid) throws Exception {
        try (ZooKeeper c = Clients.connect(e.connectString(sid), Duration.ofSeconds(30))) {
            CompletableFuture<Void> synced = new CompletableFuture<>();
            c.sync("/bulk", (rc, path, ctx) -> synced.complete(null), null);
            synced.get(30, TimeUnit.SECONDS);
            assertEquals(WRITES, c.getChildren("/bulk", false).size(), "s" + sid + " children of /bulk");
            for (int i = 0; i < WRITES; i += 997) {
                assertEquals("value-" + i, new String(c.getData("/bulk/n" + i, false, null), StandardCharsets.UTF_8));
            }
            assertEquals("value-" + (WRITES - 1),
                    new String(c.getData("/bulk/n" + (WRITES - 1), false, null), StandardCharsets.UTF_8));
        }
    }
}
