package dev.schism.harness.sim;

import dev.schism.harness.runner.TestSpec;
import dev.schism.node.sim.SimSession;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.jute.Record;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.CreateResponse;
import org.apache.zookeeper.proto.SyncRequest;
import org.apache.zookeeper.proto.SyncResponse;

/**
 * A workload's client ops as requests of a simulated session, with the same znodes, values and completions
 * as that workload's ZooKeeper client (so the workload's own generator and checkers apply unchanged): the
 * workloads module owns those clients, this package owns their simulated twins, one per workload name.
 */
abstract class SimOps {
    static final List<ACL> OPEN = List.of(new ACL(31, new Id("world", "anyone")));
    /** Errors that certainly changed nothing (as the workloads' clients judge them); any other leaves a write in doubt. */
    private static final Map<Integer, String> DEFINITE = Map.of(Err.NO_NODE, "nonode", Err.NODE_EXISTS, "nodeexists",
            Err.BAD_VERSION, "badversion", Err.NO_AUTH, "noauth", Err.BAD_ARGUMENTS, "badarguments",
            Err.NOT_EMPTY, "notempty", Err.NO_CHILDREN_FOR_EPHEMERALS, "nochildrenforephemerals");
    private static final Map<Integer, String> IN_DOUBT = Map.of(SimSession.CONNECTION_LOSS, "connectionloss",
            Err.SESSION_EXPIRED, "sessionexpired", Err.SESSION_MOVED, "sessionmoved", Err.SYSTEM_ERROR, "systemerror");

    /** The znode the workload's setup creates before the clients start. */
    abstract String parent();

    /** Submits the op's requests; {@code done} gets its completion exactly once (from a cluster step). */
    abstract void invoke(Op inv, SimSession s, Consumer<Op> done);

    /** How long the workload's client waits for an answer before it records info. */
    long timeoutMs(Op inv) {
        return 3000;
    }

    /** The twin of the named workload; IllegalArgumentException for one the simulator cannot run. */
    static SimOps forWorkload(String name, TestSpec spec) {
        return switch (name) {
            case "set" -> new SetOps();
            case "register" -> new RegisterOps(spec.reads().orElse("plain").equals("sync"));
            case "election" -> new ElectionOps();
            default -> throw new IllegalArgumentException("--backend sim runs the set, register and election workloads, not '" + name + "'");
        };
    }

    /** The completion of a failed request: fail if it certainly changed nothing, info otherwise. */
    static Op failed(Op inv, int err) {
        String definite = DEFINITE.get(err);
        if (definite != null) {
            return inv.complete(OpType.FAIL, inv.value()).withError(definite);
        }
        return inv.complete(OpType.INFO, inv.value()).withError(IN_DOUBT.getOrDefault(err, "error " + err));
    }

    static CreateRequest create(String path, byte[] data) {
        return new CreateRequest(path, data, OPEN, 0);
    }

    static String zxid(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }

    /** A sync of {@code path}, then {@code then} if it succeeded (what the clients' sync-then-read does). */
    static void syncThen(SimSession s, String path, Op inv, Consumer<Op> done, Runnable then) {
        s.submit(OpCode.SYNC, new SyncRequest(path), SyncResponse::new, (err, r, z) -> {
            if (err != Err.OK) {
                done.accept(failed(inv, err));
            } else {
                then.run();
            }
        });
    }

    /** A request whose ok completion is built from its response and zxid. */
    interface OkValue {
        Object of(Record response, long zxid);
    }

    static void call(SimSession s, int type, Record req, java.util.function.Supplier<Record> resp, Op inv,
                     Consumer<Op> done, OkValue ok) {
        s.submit(type, req, resp, (err, r, z) -> done.accept(err == Err.OK ? inv.complete(OpType.OK, ok.of(r, z))
                : failed(inv, err)));
    }

    static void createThen(SimSession s, String path, byte[] data, Op inv, Consumer<Op> done, OkValue ok) {
        call(s, OpCode.CREATE, create(path, data), CreateResponse::new, inv, done, ok);
    }
}
