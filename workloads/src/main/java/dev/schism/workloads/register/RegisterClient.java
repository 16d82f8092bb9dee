package dev.schism.workloads.register;

import dev.schism.harness.checker.register.RegisterValues;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.workloads.zk.ZkCalls;
import dev.schism.workloads.zk.ZkClient;
import dev.schism.workloads.zk.ZkSession;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;

/**
 * Runs register ops on {@code /schism-register/k<key>} through one server. Invocations are Jepsen
 * independent tuples: {@code create [k v]}, {@code read [k nil]}, {@code write [k [v expectedVersion]]}
 * (-1: any). An ok completion is {@code [k {value, version, zxid, session}]}: what the znode held after the
 * op (for a read, what it returned with its mzxid), and the session that made it.
 */
final class RegisterClient extends ZkClient {
    private final boolean syncBeforeRead;

    RegisterClient(String node, ZkSession session, long opTimeoutMs, boolean syncBeforeRead) {
        super(node, session, opTimeoutMs);
        this.syncBeforeRead = syncBeforeRead;
    }

    @Override
    public Op invoke(Op op) throws Exception {
        Op inv = op.withNode(node);
        List<?> kv = (List<?>) op.value();
        Object key = kv.get(0);
        String path = RegisterWorkload.PARENT + "/k" + key;
        ZooKeeper zk = session.get(opTimeoutMs);
        switch (op.f()) {
            case "create" -> {
                // A new znode's version is 0 and its mzxid its czxid, whichever way the Stat came back. Without
                // the Stat (on 3.4, if exists got no answer) the create is recorded as indeterminate: the
                // checkers need its zxid to place it.
                return create(inv, zk, path, RegisterValues.bytes(kv.get(1)),
                        stat -> List.of(key, RegisterValues.state(kv.get(1), 0, stat.getCzxid(), zk.getSessionId())),
                        done -> inv.complete(OpType.INFO, op.value()).withError("created, but its zxid is unknown"));
            }
            case "read" -> {
                CompletableFuture<ZkCalls.Data> r;
                if (syncBeforeRead) {
                    r = ZkCalls.syncThen(zk, path, f -> zk.getData(path, false, ZkCalls.data(f), null));
                } else {
                    r = new CompletableFuture<>();
                    zk.getData(path, false, ZkCalls.data(r), null);
                }
                Op done = ZkCalls.complete(inv, r, opTimeoutMs,
                        d -> List.of(key, RegisterValues.state(RegisterValues.value(d.bytes()), d.stat().getVersion(), d.stat().getMzxid(), zk.getSessionId())), session::reset);
                return done.type() == OpType.FAIL && "nonode".equals(done.error())
                        ? done.withValue(List.of(key, RegisterValues.absent(zk.getSessionId()))) : done;
            }
            case "write" -> {
                List<?> vx = (List<?>) kv.get(1);
                CompletableFuture<Stat> r = new CompletableFuture<>();
                zk.setData(path, RegisterValues.bytes(vx.get(0)), ((Number) vx.get(1)).intValue(), ZkCalls.stat(r), null);
                return ZkCalls.complete(inv, r, opTimeoutMs, stat -> List.of(key, RegisterValues.state(vx.get(0), stat.getVersion(), stat.getMzxid(), zk.getSessionId())),
                        session::reset);
            }
            default -> {
                return inv.complete(OpType.FAIL, op.value()).withError("unknown op '" + op.f() + "' (the register workload creates, reads and writes)");
            }
        }
    }

    @Override
    public String toString() {
        return "register-client{" + node + " " + session + (syncBeforeRead ? ", sync reads" : "") + "}";
    }
}
