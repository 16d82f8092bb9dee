package dev.schism.harness.gen;

import dev.schism.results.history.Op;

/** {@code gen} until {@code nanos} after the first time this is asked; no op is emitted at or after the deadline. */
record TimeLimit(long nanos, Generator gen, long deadline) implements Generator {
    static final long UNSET = Long.MIN_VALUE;

    @Override
    public Step next(Context ctx) {
        long end = deadline == UNSET ? ctx.time() + nanos : deadline;
        if (ctx.time() >= end) {
            return Step.EXHAUSTED;
        }
        Step s = gen.next(ctx);
        if (s instanceof Step.Emit e) {
            if (e.time() >= end) {
                // Not yet exhausted: an op may still complete before the deadline; wake at the deadline.
                return new Step.Pending(new TimeLimit(nanos, gen, end), end);
            }
            return new Step.Emit(e.op(), e.time(), new TimeLimit(nanos, e.next(), end));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(new TimeLimit(nanos, p.next(), end), Math.min(p.wakeAt(), end));
        }
        return s;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return new TimeLimit(nanos, gen.update(ctx, event), deadline);
    }

    @Override
    public String toString() {
        return "time-limit(" + nanos + "ns, " + gen + ")";
    }
}
