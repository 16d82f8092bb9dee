package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.function.LongFunction;

/** Emits {@code f} with value {@code value(n)} for n = emitted so far, up to {@code limit} ops, as soon as a thread is free. */
record Repeat(String f, LongFunction<Object> value, long emitted, long limit) implements Generator {
    @Override
    public Step next(Context ctx) {
        if (emitted >= limit) {
            return Step.EXHAUSTED;
        }
        int thread = ctx.pickFreeThread();
        if (thread == -2) {
            return new Step.Pending(this, Long.MAX_VALUE);
        }
        Op op = Op.invoke(ctx.process(thread), f, value.apply(emitted));
        return new Step.Emit(op, ctx.time(), new Repeat(f, value, emitted + 1, limit));
    }

    @Override
    public String toString() {
        return "repeat(" + f + ", " + emitted + "/" + (limit == Long.MAX_VALUE ? "inf" : limit) + ")";
    }
}
