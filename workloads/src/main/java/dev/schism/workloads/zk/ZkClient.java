package dev.schism.workloads.zk;

import dev.schism.harness.runner.Client;

/** What every ZooKeeper workload client is: one session to one server, and how long an op may wait for its answer. */
public abstract class ZkClient implements Client {
    protected final String node;
    protected final ZkSession session;
    protected final long opTimeoutMs;

    protected ZkClient(String node, ZkSession session, long opTimeoutMs) {
        this.node = node;
        this.session = session;
        this.opTimeoutMs = opTimeoutMs;
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void close() {
        session.close();
    }
}
