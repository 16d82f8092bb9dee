package dev.schism.results.report;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pairs a history's client invocations with their completions, in invocation order. */
public final class Calls {
    private Calls() {
    }

    public static List<Call> of(List<Op> ops) {
        List<Call> calls = new ArrayList<>();
        Map<Long, Integer> open = new HashMap<>();
        for (Op op : ops) {
            if (op.isNemesis()) {
                continue;
            }
            if (op.isInvoke()) {
                open.put(op.process(), calls.size());
                calls.add(new Call(op, null));
            } else {
                Integer at = open.remove(op.process());
                if (at != null) {
                    calls.set(at, new Call(calls.get(at).invoke(), op));
                }
            }
        }
        return calls;
    }

    /** History index (of an invocation or a completion) to the call it belongs to. */
    public static Map<Long, Call> byIndex(List<Call> calls) {
        Map<Long, Call> m = new HashMap<>(calls.size() * 3);
        for (Call c : calls) {
            m.put(c.invoke().index(), c);
            if (c.completion() != null) {
                m.put(c.completion().index(), c);
            }
        }
        return m;
    }
}
