package dev.schism.results.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A client invocation with its completion (null if it never completed), paired by process as Jepsen does:
 * a process's completion ends its open invocation.
 */
public record Call(Op invoke, Op completion) {

    /** Every client call of the history in invocation order; completions without an invoke are skipped. */
    public static List<Call> of(History history) {
        List<Call> calls = new ArrayList<>();
        Map<Long, Integer> open = new HashMap<>();
        for (Op op : history.ops()) {
            if (op.isNemesis()) {
                continue;
            }
            if (op.isInvoke()) {
                open.put(op.process(), calls.size());
                calls.add(new Call(op, null));
            } else {
                Integer i = open.remove(op.process());
                if (i != null) {
                    calls.set(i, new Call(calls.get(i).invoke, op));
                }
            }
        }
        return calls;
    }

    /** The completion's type, or INFO for a call that never completed. */
    public OpType outcome() {
        return completion == null ? OpType.INFO : completion.type();
    }

    public boolean ok() {
        return outcome() == OpType.OK;
    }

    public String f() {
        return invoke.f();
    }

    /** One line: the invocation, then how it ended. */
    @Override
    public String toString() {
        return invoke + " -> " + (completion == null ? "(never completed)" : completion.type().wire() + " " + completion.value());
    }
}
