package dev.schism.workloads.election;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.workloads.zk.ZkCalls;
import dev.schism.workloads.zk.ZkClient;
import dev.schism.workloads.zk.ZkSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Writes to {@link ElectionWorkload#PATH} through one server; ok carries the zxid the write was committed
 * at and the version it gave the znode. The final read ({@code sync} then {@code getData}) returns the
 * value, version and mzxid the server holds.
 */
final class ElectionClient extends ZkClient {

    ElectionClient(String node, ZkSession session, long opTimeoutMs) {
        super(node, session, opTimeoutMs);
    }

    @Override
    public Op invoke(Op op) throws Exception {
        Op inv = op.withNode(node);
        ZooKeeper zk = session.get(opTimeoutMs);
        switch (op.f()) {
            case "write" -> {
                CompletableFuture<Stat> result = new CompletableFuture<>();
                zk.setData(ElectionWorkload.PATH, String.valueOf(op.value()).getBytes(StandardCharsets.UTF_8), -1, ZkCalls.stat(result), null);
                return ZkCalls.complete(inv, result, opTimeoutMs, stat -> written(op.value(), stat), session::reset);
            }
            case ElectionWorkload.FINAL_READ -> {
                CompletableFuture<ZkCalls.Data> result = ZkCalls.syncThen(zk, ElectionWorkload.PATH, r -> zk.getData(ElectionWorkload.PATH, false, ZkCalls.data(r), null));
                return ZkCalls.complete(inv, result, opTimeoutMs, ElectionClient::read, session::reset);
            }
            default -> {
                return inv.complete(OpType.FAIL, op.value()).withError("unknown op '" + op.f() + "' (the election workload writes and reads)");
            }
        }
    }

    private static Map<String, Object> written(Object value, Stat stat) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", value);
        v.put("zxid", ZkCalls.zxid(stat.getMzxid()));
        v.put("epoch", stat.getMzxid() >>> 32);
        v.put("version", (long) stat.getVersion());
        return v;
    }

    private static Map<String, Object> read(ZkCalls.Data d) {
        String s = d.bytes() == null ? "" : new String(d.bytes(), StandardCharsets.UTF_8);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", s.isEmpty() ? null : Long.parseLong(s));
        v.put("zxid", ZkCalls.zxid(d.stat().getMzxid()));
        v.put("version", (long) d.stat().getVersion());
        return v;
    }

    @Override
    public String toString() {
        return "election-client{" + node + " " + session + "}";
    }
}
