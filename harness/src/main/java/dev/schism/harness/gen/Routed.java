package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Several generators side by side, each seeing only its {@link View} of the threads; the earliest
 * proposed op wins (ties: the first generator). Exhausted when every part is. Completions and
 * invocations are routed to the parts that own the op's thread.
 */
record Routed(List<Generator> gens, List<View> views) implements Generator {

    @Override
    public Step next(Context ctx) {
        List<Generator> kept = new ArrayList<>(gens);
        int best = -1;
        Step.Emit bestEmit = null;
        long wake = Long.MAX_VALUE;
        boolean live = false;
        for (int i = 0; i < gens.size(); i++) {
            Generator g = gens.get(i);
            if (g == null) {
                continue;
            }
            Step s = g.next(views.get(i).apply(ctx));
            if (s instanceof Step.Emit e) {
                live = true;
                if (bestEmit == null || e.time() < bestEmit.time()) {
                    best = i;
                    bestEmit = e;
                }
            } else if (s instanceof Step.Pending p) {
                live = true;
                kept.set(i, p.next());
                wake = Math.min(wake, p.wakeAt());
            } else {
                kept.set(i, null);
            }
        }
        if (bestEmit != null) {
            kept.set(best, bestEmit.next());
            return new Step.Emit(bestEmit.op(), bestEmit.time(), new Routed(kept, views));
        }
        if (!live) {
            return Step.EXHAUSTED;
        }
        return new Step.Pending(new Routed(kept, views), wake);
    }

    @Override
    public Generator update(Context ctx, Op event) {
        int thread = ctx.threadOf(event.process());
        List<Generator> next = new ArrayList<>(gens);
        for (int i = 0; i < gens.size(); i++) {
            if (gens.get(i) != null && views.get(i).owns(thread)) {
                next.set(i, gens.get(i).update(views.get(i).apply(ctx), event));
            }
        }
        return new Routed(next, views);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("routed(");
        for (int i = 0; i < gens.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(views.get(i)).append("=").append(gens.get(i) == null ? "done" : gens.get(i));
        }
        return b.append(')').toString();
    }
}
