package dev.schism.results.report;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;

/** A client call: its invocation and its completion (null if it never completed, which counts as info). */
public record Call(Op invoke, Op completion) {

    /** ok, fail or info; a call that never completed is info. */
    public OpType outcome() {
        return completion == null ? OpType.INFO : completion.type();
    }

    public long start() {
        return invoke.time();
    }

    /** Completion time, or {@code end} for a call that never completed. */
    public long end(long runEnd) {
        return completion == null ? Math.max(runEnd, invoke.time()) : completion.time();
    }

    public long latency(long runEnd) {
        return end(runEnd) - start();
    }

    /** One line: {@code p3 write 17 ok 12 ms (#40..#41)}. */
    @Override
    public String toString() {
        return "p" + invoke.process() + " " + invoke.f() + " " + invoke.value() + " " + outcome().wire()
                + (completion == null ? " (#" + invoke.index() + ", never completed)"
                : " " + Html.duration(completion.time() - invoke.time()) + " (#" + invoke.index() + "..#" + completion.index() + ")");
    }
}
