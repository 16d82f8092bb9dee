package dev.schism.harness.sim;

import dev.schism.node.sim.SimSession;
import dev.schism.node.txn.OpCode;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.zookeeper.proto.GetDataRequest;
import org.apache.zookeeper.proto.GetDataResponse;
import org.apache.zookeeper.proto.SetDataRequest;
import org.apache.zookeeper.proto.SetDataResponse;

/**
 * The election workload's client, simulated: {@code write v} overwrites {@code /schism-election} with the
 * decimal v at any version (ok carries the value, the zxid it was committed at, its epoch and the version
 * it gave the znode); {@code final-read} syncs and reads it back (value, or null while empty; zxid; version).
 * The election checker reads the servers' role journals, which the simulated run writes as any run does.
 */
final class ElectionOps extends SimOps {
    private static final String PATH = "/schism-election";

    @Override
    String parent() {
        return PATH;
    }

    @Override
    void invoke(Op inv, SimSession s, Consumer<Op> done) {
        switch (inv.f()) {
            case "write" -> call(s, OpCode.SET_DATA, new SetDataRequest(PATH, String.valueOf(inv.value()).getBytes(StandardCharsets.UTF_8), -1),
                    SetDataResponse::new, inv, done, (r, z) -> {
                        long mzxid = ((SetDataResponse) r).getStat().getMzxid();
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("value", inv.value());
                        v.put("zxid", zxid(mzxid));
                        v.put("epoch", mzxid >>> 32);
                        v.put("version", (long) ((SetDataResponse) r).getStat().getVersion());
                        return v;
                    });
            case "final-read" -> syncThen(s, PATH, inv, done, () -> call(s, OpCode.GET_DATA, new GetDataRequest(PATH, false),
                    GetDataResponse::new, inv, done, (r, z) -> {
                        GetDataResponse d = (GetDataResponse) r;
                        String text = d.getData() == null ? "" : new String(d.getData(), StandardCharsets.UTF_8);
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put("value", text.isEmpty() ? null : Long.parseLong(text));
                        v.put("zxid", zxid(d.getStat().getMzxid()));
                        v.put("version", (long) d.getStat().getVersion());
                        return v;
                    }));
            default -> done.accept(inv.complete(OpType.FAIL, inv.value())
                    .withError("unknown op '" + inv.f() + "' (the election workload writes and reads)"));
        }
    }

    @Override
    public String toString() {
        return "sim election ops";
    }
}
