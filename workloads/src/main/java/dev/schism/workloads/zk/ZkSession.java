package dev.schism.workloads.zk;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooKeeper;

/**
 * One official ZooKeeper client handle to one server, re-created when its session expires or closes.
 * Connection loss alone is left to the client library, which reconnects to the same server.
 */
public final class ZkSession implements AutoCloseable {
    private final String address;
    private final int sessionTimeoutMs;
    private ZooKeeper zk;

    public ZkSession(String address, int sessionTimeoutMs) {
        this.address = address;
        this.sessionTimeoutMs = sessionTimeoutMs;
    }

    public String address() {
        return address;
    }

    /** The live handle, opening a new session if there is none; waits up to {@code waitMs} for it to connect. */
    public synchronized ZooKeeper get(long waitMs) throws IOException, InterruptedException {
        if (zk != null && !zk.getState().isAlive()) {
            closeQuietly();
        }
        if (zk == null) {
            CountDownLatch connected = new CountDownLatch(1);
            Watcher w = (WatchedEvent e) -> {
                if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            };
            zk = new ZooKeeper(address, sessionTimeoutMs, w);
            connected.await(waitMs, TimeUnit.MILLISECONDS);
        }
        return zk;
    }

    /** Drops the handle so the next {@link #get} opens a new session (after expiry). */
    public synchronized void reset() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (zk != null) {
            try {
                zk.close(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // closing a dead session can fail; it is gone either way
            }
            zk = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    @Override
    public String toString() {
        return "zk-session{" + address + (zk == null ? ", closed}" : ", " + zk.getState() + "}");
    }
}
