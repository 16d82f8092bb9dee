package dev.schism.harness.sim;

import dev.schism.harness.checker.register.RegisterValues;
import dev.schism.node.sim.SimSession;
import dev.schism.node.txn.OpCode;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.List;
import java.util.function.Consumer;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetDataResponse;

/**
 * The register workload's client, simulated: independent tuples {@code create [k v]}, {@code read [k nil]},
 * {@code write [k [v expectedVersion]]} on {@code /schism-register/k<key>}; an ok completion is
 * {@code [k {value, version, zxid, session}]}, what the znode held after the op.
 */
final class RegisterOps extends SimOps {
    private static final String PARENT = "/schism-register";
    private final boolean syncBeforeRead;

    RegisterOps(boolean syncBeforeRead) {
        this.syncBeforeRead = syncBeforeRead;
    }

    @Override
    String parent() {
        return PARENT;
    }

    @Override
    void invoke(Op inv, SimSession s, Consumer<Op> done) {
        List<?> kv = (List<?>) inv.value();
        Object key = kv.get(0);
        String path = PARENT + "/k" + key;
        switch (inv.f()) {
            case "create" -> createThen(s, path, RegisterValues.bytes(kv.get(1)), inv, done,
                    (r, z) -> List.of(key, RegisterValues.state(kv.get(1), 0, z, s.sessionId())));
            case "read" -> {
                Consumer<Op> answered = op -> done.accept(op.type() == OpType.FAIL && "nonode".equals(op.error())
                        ? op.withValue(List.of(key, RegisterValues.absent(s.sessionId()))) : op);
                Runnable read = () -> call(s, OpCode.GET_DATA, new GetDataRequest(path, false), GetDataResponse::new,
                        inv, answered, (r, z) -> {
                            GetDataResponse d = (GetDataResponse) r;
                            return List.of(key, RegisterValues.state(RegisterValues.value(d.getData()), d.getStat().getVersion(), d.getStat().getMzxid(),
                                    s.sessionId()));
                        });
                if (syncBeforeRead) {
                    syncThen(s, path, inv, done, read);
                } else {
                    read.run();
                }
            }
            case "write" -> {
                List<?> vx = (List<?>) kv.get(1);
                call(s, OpCode.SET_DATA, new SetDataRequest(path, RegisterValues.bytes(vx.get(0)), ((Number) vx.get(1)).intValue()),
                        SetDataResponse::new, inv, done, (r, z) -> {
                            SetDataResponse d = (SetDataResponse) r;
                            return List.of(key, RegisterValues.state(vx.get(0), d.getStat().getVersion(), d.getStat().getMzxid(), s.sessionId()));
                        });
            }
            default -> done.accept(inv.complete(OpType.FAIL, inv.value())
                    .withError("unknown op '" + inv.f() + "' (the register workload creates, reads and writes)"));
        }
    }

    @Override
    public String toString() {
        return "sim register ops" + (syncBeforeRead ? ", sync reads" : "");
    }
}
