package dev.schism.node.process;

import static org.awaitility.Awaitility.await;

import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Official ZooKeeper client helpers for process tests. */
public final class Clients {
    private Clients() {
    }

    /** A connected client (SyncConnected within {@code timeout}), or an AssertionError. */
    public static ZooKeeper connect(String connectString, Duration timeout) throws IOException, InterruptedException {
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 10_000, (WatchedEvent e) -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        if (!connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            zk.close();
            throw new AssertionError("client did not connect to " + connectString + " within " + timeout);
        }
        return zk;
    }

    /** Retries {@code op} on connection loss / session moved until {@code timeout}; other errors propagate. */
    public static <T> T retry(Duration timeout, KeeperCall<T> op) {
        return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .ignoreExceptionsMatching(e -> e instanceof KeeperException.ConnectionLossException
                        || e instanceof KeeperException.SessionMovedException
                        || e instanceof KeeperException.OperationTimeoutException)
                .until(op::call, result -> true);
    }

    /** A ZooKeeper call that may throw. */
    @FunctionalInterface
    public interface KeeperCall<T> {
        T call() throws Exception;
    }
}
