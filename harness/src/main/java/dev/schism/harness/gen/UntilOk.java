package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.HashSet;
import java.util.Set;

/** Ops from {@code gen} until one of them completes ok; then exhausted. */
record UntilOk(Generator gen, Set<Long> inFlight, boolean done) implements Generator {

    @Override
    public Step next(Context ctx) {
        if (done) {
            return Step.EXHAUSTED;
        }
        Step s = gen.next(ctx);
        if (s instanceof Step.Emit e) {
            Set<Long> f = new HashSet<>(inFlight);
            f.add(e.op().process());
            return new Step.Emit(e.op(), e.time(), new UntilOk(e.next(), f, false));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(new UntilOk(p.next(), inFlight, false), p.wakeAt());
        }
        return s;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        Generator g = gen.update(ctx, event);
        if (event.isInvoke() || !inFlight.contains(event.process())) {
            return new UntilOk(g, inFlight, done);
        }
        Set<Long> f = new HashSet<>(inFlight);
        f.remove(event.process());
        return new UntilOk(g, f, done || event.type() == OpType.OK);
    }

    @Override
    public String toString() {
        return "until-ok(" + gen + (done ? ", done)" : ")");
    }
}
