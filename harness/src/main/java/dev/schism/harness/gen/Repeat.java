package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.function.LongFunction;

/**
 * Emits {@code op(n)} (its f and value; the process is the free thread's) for n = emitted so far, up to
 * {@code limit} ops, as soon as a thread is free. {@code label} names the ops in toString.
 */
record Repeat(String label, LongFunction<Op> op, long emitted, long limit) implements Generator {
    @Override
    public Step next(Context ctx) {
        if (emitted >= limit) {
            return Step.EXHAUSTED;
        }
        int thread = ctx.pickFreeThread();
        if (thread == -2) {
            return new Step.Pending(this, Long.MAX_VALUE);
        }
        Op template = op.apply(emitted);
        Op invoke = Op.invoke(ctx.process(thread), template.f(), template.value());
        return new Step.Emit(invoke, ctx.time(), new Repeat(label, op, emitted + 1, limit));
    }

    @Override
    public String toString() {
        return "repeat(" + label + ", " + emitted + "/" + (limit == Long.MAX_VALUE ? "inf" : limit) + ")";
    }
}
