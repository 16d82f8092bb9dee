package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.List;

/** Each generator to exhaustion in turn; between two phases, waits until every visible thread is free. */
record Phases(List<Generator> gens, int current) implements Generator {

    @Override
    public Step next(Context ctx) {
        if (current >= gens.size()) {
            return Step.EXHAUSTED;
        }
        Step s = gens.get(current).next(ctx);
        if (s instanceof Step.Emit e) {
            return new Step.Emit(e.op(), e.time(), new Phases(with(e.next()), current));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(new Phases(with(p.next()), current), p.wakeAt());
        }
        if (current == gens.size() - 1) {
            return Step.EXHAUSTED;
        }
        if (!ctx.allFree()) {
            return new Step.Pending(this, Long.MAX_VALUE);
        }
        return new Phases(gens, current + 1).next(ctx);
    }

    private List<Generator> with(Generator g) {
        java.util.ArrayList<Generator> l = new java.util.ArrayList<>(gens);
        l.set(current, g);
        return l;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        if (current >= gens.size()) {
            return this;
        }
        return new Phases(with(gens.get(current).update(ctx, event)), current);
    }

    @Override
    public String toString() {
        return "phases(" + current + "/" + gens.size() + ", " + (current < gens.size() ? gens.get(current) : "done") + ")";
    }
}
