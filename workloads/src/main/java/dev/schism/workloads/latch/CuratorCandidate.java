package dev.schism.workloads.latch;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.retry.RetryNTimes;

/**
 * An unmodified Apache Curator {@code LeaderLatch} with Curator's standard connection-state policy (it gives
 * leadership up at SUSPENDED, that is at the first lost connection), talking to one server.
 */
final class CuratorCandidate implements Candidate {
    private final String id;
    private final String election;
    private final CuratorFramework curator;
    private final LeaderLatch latch;

    CuratorCandidate(String id, String election, String address, String path, int sessionTimeoutMs, Beliefs beliefs) {
        this.id = id;
        this.election = election;
        this.curator = CuratorFrameworkFactory.builder().connectString(address).sessionTimeoutMs(sessionTimeoutMs)
                .connectionTimeoutMs(sessionTimeoutMs).retryPolicy(new RetryNTimes(10, 200)).build();
        this.latch = new LeaderLatch(curator, path, id);
        latch.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                beliefs.changed(true);
            }

            @Override
            public void notLeader() {
                beliefs.changed(false);
            }
        });
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String election() {
        return election;
    }

    @Override
    public void start() throws Exception {
        curator.start();
        if (!curator.blockUntilConnected(30, TimeUnit.SECONDS)) {
            throw new java.io.IOException(id + ": no connection within 30 s");
        }
        latch.start();
    }

    @Override
    public void close() {
        try {
            latch.close();
        } catch (Exception | Error e) {
            // not started, or the connection is gone: closing the session removes its node anyway
        }
        curator.close();
    }

    @Override
    public String toString() {
        return id + (latch.hasLeadership() ? " (leads)" : "");
    }
}
