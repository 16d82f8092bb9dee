package dev.schism.harness.checker.register;

import dev.schism.harness.checker.linear.CheckOptions;
import dev.schism.harness.checker.linear.LinearizabilityChecker;
import dev.schism.harness.checker.model.IndependentModel;
import dev.schism.harness.checker.model.ZnodeModel;
import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Linearizability of the register history against independent znodes, by the Porcupine-port checker.
 * ZooKeeper promises linearizable writes only, so reads are left out unless the test says
 * {@code reads: linearizable} (for systems that promise linearizable reads).
 */
final class WriteLinearizability implements RunChecker {
    private static final Duration TIME_LIMIT = Duration.ofSeconds(120);

    @Override
    public CheckResult check(RunData data) {
        boolean withReads = "linearizable".equals(data.test().get("reads"));
        List<Op> ops = new ArrayList<>();
        for (Op op : data.history().ops()) {
            if (op.isNemesis()) {
                continue;
            }
            if (op.f().equals("read")) {
                if (!withReads) {
                    continue;
                }
                op = op.withValue(modelRead(op));
            }
            if (op.f().equals("final-read")) {
                continue;
            }
            ops.add(op);
        }
        try {
            CheckResult r = LinearizabilityChecker.check(new IndependentModel<>(new ZnodeModel()), UnseenWrites.drop(new History(ops)),
                    CheckOptions.DEFAULT.withTimeLimit(TIME_LIMIT)).toCheckResult();
            return new CheckResult(r.checker(), r.verdict(), (withReads ? "writes and reads: " : "writes (create, setData, cas): ") + r.summary(),
                    r.details());
        } catch (IllegalArgumentException e) {
            return CheckResult.unknown("linearizability", "cannot read the history as register ops: " + e.getMessage());
        }
    }

    /** An ok read's {@code [k {value, version, ..}]} as the znode model reads it, {@code [k [value version]]}. */
    private static Object modelRead(Op op) {
        if (op.type() == dev.schism.results.history.OpType.OK && op.value() instanceof List<?> kv && kv.size() == 2
                && kv.get(1) instanceof Map<?, ?> m) {
            return List.of(kv.get(0), java.util.Arrays.asList(m.get("value"), m.get("version")));
        }
        if (op.value() instanceof List<?> kv && kv.size() == 2 && kv.get(1) instanceof Map<?, ?>) {
            return java.util.Arrays.asList(kv.get(0), null); // a read that found no znode: as it was invoked
        }
        return op.value();
    }

    @Override
    public String toString() {
        return "write-linearizability";
    }
}
