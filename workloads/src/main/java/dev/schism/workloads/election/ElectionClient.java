package dev.schism.workloads.election;

import dev.schism.harness.runner.Client;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Writes to {@link ElectionWorkload#PATH} through one server. ok: the server acknowledged it, with the zxid
 * it was committed at; fail: the server certainly rejected it (e.g. the znode is missing); info: unknown
 * (connection lost, session expired, no answer within the op timeout).
 */
final class ElectionClient implements Client {
    private final String node;
    private final ZkSession session;
    private final long opTimeoutMs;

    ElectionClient(String node, ZkSession session, long opTimeoutMs) {
        this.node = node;
        this.session = session;
        this.opTimeoutMs = opTimeoutMs;
    }

    @Override
    public Op invoke(Op op) throws Exception {
        Op inv = op.withNode(node);
        if (!op.f().equals("write")) {
            return inv.complete(OpType.FAIL, op.value()).withError("unknown op '" + op.f() + "' (the election workload only writes)");
        }
        ZooKeeper zk = session.get(opTimeoutMs);
        CompletableFuture<Stat> result = new CompletableFuture<>();
        byte[] data = String.valueOf(op.value()).getBytes(StandardCharsets.UTF_8);
        zk.setData(ElectionWorkload.PATH, data, -1, (rc, path, ctx, stat) -> {
            if (rc == KeeperException.Code.OK.intValue()) {
                result.complete(stat);
            } else {
                result.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), path));
            }
        }, null);
        try {
            Stat stat = result.get(opTimeoutMs, TimeUnit.MILLISECONDS);
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("value", op.value());
            v.put("zxid", "0x" + Long.toHexString(stat.getMzxid()));
            v.put("epoch", stat.getMzxid() >>> 32);
            return inv.complete(OpType.OK, v);
        } catch (TimeoutException e) {
            return inv.complete(OpType.INFO, op.value()).withError("no answer within " + opTimeoutMs + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof KeeperException ke) {
                if (ke.code() == KeeperException.Code.SESSIONEXPIRED) {
                    session.reset();
                }
                // Only a definite rejection is a fail; anything about the connection leaves the write in doubt.
                boolean definite = ke.code() == KeeperException.Code.NONODE || ke.code() == KeeperException.Code.BADVERSION
                        || ke.code() == KeeperException.Code.NOAUTH || ke.code() == KeeperException.Code.BADARGUMENTS;
                return inv.complete(definite ? OpType.FAIL : OpType.INFO, op.value()).withError(ke.code().name());
            }
            throw e;
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

    @Override
    public String toString() {
        return "election-client{" + node + " " + session + "}";
    }
}
