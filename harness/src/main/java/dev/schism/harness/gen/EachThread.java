package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.HashMap;
import java.util.Map;

/**
 * Every visible thread runs its own copy of {@code template} (copies start when the thread first asks).
 * The earliest proposal among free threads wins; exhausted when every visible thread's copy is.
 */
record EachThread(Generator template, Map<Integer, Generator> perThread) implements Generator {

    @Override
    public Step next(Context ctx) {
        Map<Integer, Generator> kept = new HashMap<>(perThread);
        Step.Emit best = null;
        int bestThread = 0;
        long wake = Long.MAX_VALUE;
        boolean live = false;
        for (int t : ctx.threads()) {
            Generator g = kept.getOrDefault(t, template);
            if (g == null) {
                continue;
            }
            if (!ctx.isFree(t)) {
                live = true;
                continue;
            }
            Step s = g.next(ctx.onlyThread(t));
            if (s instanceof Step.Emit e) {
                live = true;
                if (best == null || e.time() < best.time()) {
                    best = e;
                    bestThread = t;
                }
            } else if (s instanceof Step.Pending p) {
                live = true;
                kept.put(t, p.next());
                wake = Math.min(wake, p.wakeAt());
            } else {
                kept.put(t, null);
            }
        }
        if (best != null) {
            kept.put(bestThread, best.next());
            return new Step.Emit(best.op(), best.time(), new EachThread(template, kept));
        }
        if (!live) {
            return Step.EXHAUSTED;
        }
        return new Step.Pending(new EachThread(template, kept), wake);
    }

    @Override
    public Generator update(Context ctx, Op event) {
        int t = ctx.threadOf(event.process());
        Generator g = perThread.containsKey(t) ? perThread.get(t) : template;
        if (g == null) {
            return this;
        }
        Map<Integer, Generator> m = new HashMap<>(perThread);
        m.put(t, g.update(ctx.onlyThread(t), event));
        return new EachThread(template, m);
    }

    @Override
    public String toString() {
        return "each-thread(" + template + ", " + perThread.size() + " started)";
    }
}
