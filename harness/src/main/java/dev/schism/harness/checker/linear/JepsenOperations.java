package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Jepsen history as operations for a model, with Jepsen's semantics: nemesis ops are ignored; an
 * invoke is paired with its process's next completion; a {@code fail} certainly did not happen and is
 * dropped (unless the model keeps that failure as a definite outcome); an {@code info}, or an invoke that
 * never completes, may take effect at any time after its invoke or never, so it stays open to the end with
 * an unknown output. Times are positions in the history, which is in real-time order.
 */
public final class JepsenOperations {
    private JepsenOperations() {
    }

    public static <S> List<Operation> from(Model<S> model, History history) {
        List<Op> all = history.ops();
        Map<Long, Integer> open = new HashMap<>();
        Operation[] byInvoke = new Operation[all.size()];
        boolean[] dropped = new boolean[all.size()];
        for (int pos = 0; pos < all.size(); pos++) {
            Op op = all.get(pos);
            if (op.isNemesis()) {
                continue;
            }
            if (op.type() == OpType.INVOKE) {
                Integer prior = open.put(op.process(), pos);
                if (prior != null) {
                    throw new IllegalArgumentException("op " + op + ": process " + op.process()
                            + " invokes again while its op " + all.get(prior) + " has not completed");
                }
                byInvoke[pos] = new Operation(op.process(), model.input(op), pos, null, Operation.OPEN, op, null);
                continue;
            }
            Integer inv = open.remove(op.process());
            if (inv == null) {
                throw new IllegalArgumentException("op " + op + ": completion without an invoke by process "
                        + op.process());
            }
            Op invoke = all.get(inv);
            if (!invoke.f().equals(op.f())) {
                throw new IllegalArgumentException("op " + op + ": completes '" + invoke.f() + "' invoked as " + invoke
                        + " with a different f");
            }
            Operation o = byInvoke[inv];
            switch (op.type()) {
                case OK -> byInvoke[inv] = new Operation(o.process(), o.input(), o.call(), model.output(invoke, op), pos,
                        invoke, op);
                case FAIL -> {
                    if (model.keepsFailure(invoke, op)) {
                        byInvoke[inv] = new Operation(o.process(), o.input(), o.call(), model.output(invoke, op), pos,
                                invoke, op);
                    } else {
                        dropped[inv] = true;
                    }
                }
                default -> byInvoke[inv] = new Operation(o.process(), o.input(), o.call(), model.unknownOutput(invoke),
                        Operation.OPEN, invoke, op);
            }
        }
        List<Operation> ops = new ArrayList<>();
        for (int pos = 0; pos < all.size(); pos++) {
            Operation o = byInvoke[pos];
            if (o == null || dropped[pos]) {
                continue;
            }
            if (o.output() == null) {
                o = new Operation(o.process(), o.input(), o.call(), model.unknownOutput(o.invoke()), Operation.OPEN,
                        o.invoke(), null);
            }
            ops.add(o);
        }
        return ops;
    }
}
