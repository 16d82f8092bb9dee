package dev.schism.workloads.set;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.workloads.zk.ZkCalls;
import dev.schism.workloads.zk.ZkClient;
import dev.schism.workloads.zk.ZkSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Adds element e as the persistent znode {@code /schism-set/e<e>} through one server (ok carries the zxid
 * it was created at); a read lists the parent's children with its pzxid, and the final read does so after a
 * {@code sync}.
 */
final class SetClient extends ZkClient {
    private static final String PREFIX = "e";

    SetClient(String node, ZkSession session, long opTimeoutMs) {
        super(node, session, opTimeoutMs);
    }

    @Override
    public Op invoke(Op op) throws Exception {
        Op inv = op.withNode(node);
        ZooKeeper zk = session.get(opTimeoutMs);
        switch (op.f()) {
            case SetWorkload.ADD -> {
                String path = SetWorkload.PARENT + "/" + PREFIX + op.value();
                // Without its Stat (on 3.4, if exists got no answer) the add is acknowledged without its zxid.
                return create(inv, zk, path, new byte[0], stat -> added(op.value(), stat), done -> done);
            }
            case SetWorkload.READ -> {
                CompletableFuture<ZkCalls.Children> result = new CompletableFuture<>();
                zk.getChildren(SetWorkload.PARENT, false, ZkCalls.children(result), null);
                return ZkCalls.complete(inv, result, 4 * opTimeoutMs, SetClient::elements, session::reset);
            }
            case SetWorkload.FINAL_READ -> {
                CompletableFuture<ZkCalls.Children> result = ZkCalls.syncThen(zk, SetWorkload.PARENT,
                        r -> zk.getChildren(SetWorkload.PARENT, false, ZkCalls.children(r), null));
                // A large set takes a while to list through a proxy: allow more than one write's timeout.
                return ZkCalls.complete(inv, result, 4 * opTimeoutMs, SetClient::elements, session::reset);
            }
            default -> {
                return inv.complete(OpType.FAIL, op.value()).withError("unknown op '" + op.f() + "' (the set workload adds and reads)");
            }
        }
    }

    private static Map<String, Object> added(Object element, Stat stat) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", element);
        v.put("zxid", ZkCalls.zxid(stat.getCzxid()));
        return v;
    }

    /**
     * Child names back to elements (a child not named by this workload is reported as -1, never attempted),
     * with the parent's pzxid: the server had applied every txn up to it.
     */
    private static Map<String, Object> elements(ZkCalls.Children children) {
        List<Long> out = new ArrayList<>(children.names().size());
        for (String c : children.names()) {
            try {
                out.add(c.startsWith(PREFIX) ? Long.parseLong(c.substring(PREFIX.length())) : -1L);
            } catch (NumberFormatException e) {
                out.add(-1L);
            }
        }
        out.sort(null);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("pzxid", ZkCalls.zxid(children.stat().getPzxid()));
        v.put("elements", out);
        return v;
    }

    @Override
    public String toString() {
        return "set-client{" + node + " " + session + "}";
    }
}
