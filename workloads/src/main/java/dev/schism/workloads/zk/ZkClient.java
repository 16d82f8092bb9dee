package dev.schism.workloads.zk;

import dev.schism.harness.runner.Client;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/** What every ZooKeeper workload client is: one session to one server, and how long an op may wait for its answer. */
public abstract class ZkClient implements Client {
    protected final String node;
    protected final ZkSession session;
    protected final long opTimeoutMs;
    /** The server answered create2 with UNIMPLEMENTED (ZooKeeper 3.4): creates use create, then exists for the Stat. */
    private boolean noCreate2;

    protected ZkClient(String node, ZkSession session, long opTimeoutMs) {
        this.node = node;
        this.session = session;
        this.opTimeoutMs = opTimeoutMs;
    }

    /**
     * Creates the persistent znode {@code path}; an ok op's value is {@code value} of the new znode's Stat. On a
     * server without create2 (ZooKeeper 3.4 rejects its op code before doing anything) it creates, then asks
     * {@code exists} on the same session: a session reads its own writes, and the Stat's czxid is the create's.
     * If that exists gets no answer, the create is still acknowledged: {@code withoutStat} maps the bare ok op
     * (value: the created path's op value) to what the history records.
     */
    protected final Op create(Op inv, ZooKeeper zk, String path, byte[] data, Function<Stat, Object> value,
                              UnaryOperator<Op> withoutStat) throws InterruptedException {
        if (!noCreate2) {
            CompletableFuture<Stat> created = new CompletableFuture<>();
            zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, ZkCalls.create(created), null);
            Op done = ZkCalls.complete(inv, created, opTimeoutMs, value, session::reset);
            if (!"unimplemented".equals(done.error())) {
                return done;
            }
            noCreate2 = true;
        }
        CompletableFuture<String> created = new CompletableFuture<>();
        zk.create(path, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, ZkCalls.createdPath(created), null);
        Op done = ZkCalls.complete(inv, created, opTimeoutMs, name -> inv.value(), session::reset);
        if (done.type() != OpType.OK) {
            return done;
        }
        CompletableFuture<Stat> stat = new CompletableFuture<>();
        zk.exists(path, false, ZkCalls.stat(stat), null);
        try {
            Stat s = stat.get(opTimeoutMs, TimeUnit.MILLISECONDS);
            return s == null ? withoutStat.apply(done) : inv.complete(OpType.OK, value.apply(s));
        } catch (ExecutionException | TimeoutException e) {
            return withoutStat.apply(done);
        }
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
