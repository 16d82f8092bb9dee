package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.List;

/**
 * Forever: picks a group at random, then one of its finite generators at random, and runs that one to
 * exhaustion before picking again. An episode such as "partition, widen, heal" stays in order, and each
 * group gets the same share of episodes however many it holds. Exhausted only if every episode is empty.
 */
record Episodes(List<List<Generator>> groups, Rng rng, Generator current) implements Generator {

    @Override
    public Step next(Context ctx) {
        Rng r = rng;
        Generator cur = current;
        int total = groups.stream().mapToInt(List::size).sum();
        for (int tries = 0; tries <= 2 * total + 1; tries++) {
            if (cur == null) {
                List<Generator> group = groups.get((int) r.below(groups.size()));
                r = r.next();
                cur = group.get((int) r.below(group.size()));
                r = r.next();
            }
            Step s = cur.next(ctx);
            if (s instanceof Step.Emit e) {
                return new Step.Emit(e.op(), e.time(), new Episodes(groups, r, e.next()));
            }
            if (s instanceof Step.Pending p) {
                return new Step.Pending(new Episodes(groups, r, p.next()), p.wakeAt());
            }
            cur = null;
        }
        return Step.EXHAUSTED;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return current == null ? this : new Episodes(groups, rng, current.update(ctx, event));
    }

    @Override
    public String toString() {
        return "episodes(" + groups.stream().mapToInt(List::size).sum() + " in " + groups.size() + " groups, now " + current + ")";
    }
}
