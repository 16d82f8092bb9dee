package dev.schism.harness.gen;

import dev.schism.results.history.Op;

/**
 * Spaces {@code gen}'s ops by a random delay, uniform in [0, 2·mean) (so on average one per mean), or
 * exactly {@code mean} when not {@code random}. The first op goes out at once.
 */
record Stagger(long mean, boolean random, Generator gen, long nextTime, Rng rng) implements Generator {
    static final long UNSET = Long.MIN_VALUE;

    @Override
    public Step next(Context ctx) {
        long earliest = nextTime == UNSET ? ctx.time() : nextTime;
        Step s = gen.next(ctx);
        if (s instanceof Step.Emit e) {
            long at = Math.max(e.time(), earliest);
            long gap = random ? (mean <= 0 ? 0 : rng.below(2 * mean)) : mean;
            return new Step.Emit(e.op(), at, new Stagger(mean, random, e.next(), at + gap, rng.next()));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(new Stagger(mean, random, p.next(), nextTime, rng), p.wakeAt());
        }
        return s;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return new Stagger(mean, random, gen.update(ctx, event), nextTime, rng);
    }

    @Override
    public String toString() {
        return (random ? "stagger(" : "delay(") + mean + "ns, " + gen + ")";
    }
}
