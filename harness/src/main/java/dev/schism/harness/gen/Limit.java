package dev.schism.harness.gen;

import dev.schism.results.history.Op;

/** At most {@code remaining} more ops from {@code gen}. */
record Limit(long remaining, Generator gen) implements Generator {
    @Override
    public Step next(Context ctx) {
        if (remaining <= 0) {
            return Step.EXHAUSTED;
        }
        Step s = gen.next(ctx);
        if (s instanceof Step.Emit e) {
            return new Step.Emit(e.op(), e.time(), new Limit(remaining - 1, e.next()));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(new Limit(remaining, p.next()), p.wakeAt());
        }
        return s;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return new Limit(remaining, gen.update(ctx, event));
    }

    @Override
    public String toString() {
        return "limit(" + remaining + ", " + gen + ")";
    }
}
