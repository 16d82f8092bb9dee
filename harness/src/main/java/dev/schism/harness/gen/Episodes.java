package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.List;

/**
 * Forever: the groups take turns (the first turn drawn from the seed), and on its turn a group's finite
 * generator is picked at random and run to exhaustion before the next turn. An episode such as
 * "partition, widen, heal" stays in order, and every group gets the same number of episodes, give or take
 * one, however few episodes a run has room for: a 60 s run is not left, by the luck of the draw, with a
 * single episode of one kind. Exhausted only if every episode is empty.
 */
record Episodes(List<List<Generator>> groups, Rng rng, int turn, Generator current) implements Generator {

    @Override
    public Step next(Context ctx) {
        Rng r = rng;
        int t = turn;
        Generator cur = current;
        int total = groups.stream().mapToInt(List::size).sum();
        for (int tries = 0; tries <= 2 * total + 1; tries++) {
            if (cur == null) {
                if (t < 0) {
                    t = (int) r.below(groups.size());
                    r = r.next();
                }
                List<Generator> group = groups.get(t);
                t = (t + 1) % groups.size();
                cur = group.get((int) r.below(group.size()));
                r = r.next();
            }
            Step s = cur.next(ctx);
            if (s instanceof Step.Emit e) {
                return new Step.Emit(e.op(), e.time(), new Episodes(groups, r, t, e.next()));
            }
            if (s instanceof Step.Pending p) {
                return new Step.Pending(new Episodes(groups, r, t, p.next()), p.wakeAt());
            }
            cur = null;
        }
        return Step.EXHAUSTED;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return current == null ? this : new Episodes(groups, rng, turn, current.update(ctx, event));
    }

    @Override
    public String toString() {
        return "episodes(" + groups.stream().mapToInt(List::size).sum() + " in " + groups.size() + " groups, now " + current + ")";
    }
}
