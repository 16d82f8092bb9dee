package dev.schism.harness.gen;

import dev.schism.results.history.Op;

/** Ops alternately from {@code a} and {@code b}, starting with a; exhausted as soon as the one whose turn it is is. */
record FlipFlop(Generator a, Generator b, boolean bTurn) implements Generator {

    @Override
    public Step next(Context ctx) {
        Step s = (bTurn ? b : a).next(ctx);
        if (s instanceof Step.Emit e) {
            return new Step.Emit(e.op(), e.time(), bTurn ? new FlipFlop(a, e.next(), false) : new FlipFlop(e.next(), b, true));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(bTurn ? new FlipFlop(a, p.next(), true) : new FlipFlop(p.next(), b, false), p.wakeAt());
        }
        return s;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return new FlipFlop(a.update(ctx, event), b.update(ctx, event), bTurn);
    }

    @Override
    public String toString() {
        return "flip-flop(" + a + ", " + b + (bTurn ? ", b next)" : ", a next)");
    }
}
