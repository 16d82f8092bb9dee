package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Each op comes from a generator picked at random; if the pick has nothing to emit now the others are
 * tried in turn. Exhausted generators drop out; exhausted when all are.
 */
record Mix(List<Generator> gens, Rng rng) implements Generator {

    @Override
    public Step next(Context ctx) {
        List<Generator> live = new ArrayList<>(gens);
        int n = live.size();
        if (n == 0) {
            return Step.EXHAUSTED;
        }
        int start = (int) rng.below(n);
        long wake = Long.MAX_VALUE;
        List<Generator> after = new ArrayList<>(live);
        boolean[] exhausted = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            Step s = live.get(i).next(ctx);
            if (s instanceof Step.Emit e) {
                after.set(i, e.next());
                return new Step.Emit(e.op(), e.time(), new Mix(dropExhausted(after, exhausted), rng.next()));
            }
            if (s instanceof Step.Pending p) {
                after.set(i, p.next());
                wake = Math.min(wake, p.wakeAt());
            } else {
                exhausted[i] = true;
            }
        }
        List<Generator> rest = dropExhausted(after, exhausted);
        if (rest.isEmpty()) {
            return Step.EXHAUSTED;
        }
        return new Step.Pending(new Mix(rest, rng), wake);
    }

    private static List<Generator> dropExhausted(List<Generator> gens, boolean[] exhausted) {
        List<Generator> out = new ArrayList<>();
        for (int i = 0; i < gens.size(); i++) {
            if (!exhausted[i]) {
                out.add(gens.get(i));
            }
        }
        return out;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return new Mix(gens.stream().map(g -> g.update(ctx, event)).toList(), rng);
    }

    @Override
    public String toString() {
        return "mix" + gens;
    }
}
