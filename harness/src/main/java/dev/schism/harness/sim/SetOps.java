package dev.schism.harness.sim;

import dev.schism.node.sim.SimSession;
import dev.schism.node.txn.OpCode;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.zookeeper.proto.GetChildren2Request;
import org.apache.zookeeper.proto.GetChildren2Response;

/**
 * The set workload's client, simulated: {@code add e} creates {@code /schism-set/e<e>} (ok carries the zxid
 * it was created at), {@code read} lists the children with the parent's pzxid, {@code final-read} does so
 * after a sync.
 */
final class SetOps extends SimOps {
    private static final String PARENT = "/schism-set";
    private static final String PREFIX = "e";

    @Override
    String parent() {
        return PARENT;
    }

    @Override
    long timeoutMs(Op inv) {
        return inv.f().equals("add") ? 3000 : 12_000;
    }

    @Override
    void invoke(Op inv, SimSession s, Consumer<Op> done) {
        switch (inv.f()) {
            case "add" -> createThen(s, PARENT + "/" + PREFIX + inv.value(), new byte[0], inv, done, (r, z) -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("value", inv.value());
                v.put("zxid", zxid(z));
                return v;
            });
            case "read" -> list(s, inv, done);
            case "final-read" -> syncThen(s, PARENT, inv, done, () -> list(s, inv, done));
            default -> done.accept(inv.complete(OpType.FAIL, inv.value())
                    .withError("unknown op '" + inv.f() + "' (the set workload adds and reads)"));
        }
    }

    private static void list(SimSession s, Op inv, Consumer<Op> done) {
        call(s, OpCode.GET_CHILDREN2, new GetChildren2Request(PARENT, false), GetChildren2Response::new, inv, done,
                (r, z) -> {
                    GetChildren2Response c = (GetChildren2Response) r;
                    List<Long> out = new ArrayList<>();
                    for (String name : c.getChildren()) {
                        try {
                            out.add(name.startsWith(PREFIX) ? Long.parseLong(name.substring(PREFIX.length())) : -1L);
                        } catch (NumberFormatException e) {
                            out.add(-1L);
                        }
                    }
                    out.sort(null);
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("pzxid", zxid(c.getStat().getPzxid()));
                    v.put("elements", out);
                    return v;
                });
    }

    @Override
    public String toString() {
        return "sim set ops";
    }
}
