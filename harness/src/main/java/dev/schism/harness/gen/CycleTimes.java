package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Cycles through generators by time: the first for {@code durations[0]} ns from the first ask, then the
 * second, and so on, round and round. Each keeps its state between its turns; an op proposed for after
 * the end of its turn is not emitted. Exhausted when every generator is.
 */
record CycleTimes(List<Long> durations, List<Generator> gens, long start, boolean[] exhausted) implements Generator {
    static final long UNSET = Long.MIN_VALUE;

    @Override
    public Step next(Context ctx) {
        long t0 = start == UNSET ? ctx.time() : start;
        long period = durations.stream().mapToLong(Long::longValue).sum();
        long cycle = (ctx.time() - t0) / period;
        long into = (ctx.time() - t0) % period;
        int i = 0;
        long windowEnd = t0 + cycle * period;
        while (true) {
            windowEnd += durations.get(i);
            if (into < durations.get(i)) {
                break;
            }
            into -= durations.get(i);
            i++;
        }
        if (exhausted[i]) {
            return allExhausted() ? Step.EXHAUSTED : new Step.Pending(new CycleTimes(durations, gens, t0, exhausted), windowEnd);
        }
        Step s = gens.get(i).next(ctx);
        if (s instanceof Step.Emit e) {
            if (e.time() >= windowEnd) {
                return new Step.Pending(new CycleTimes(durations, gens, t0, exhausted), windowEnd);
            }
            return new Step.Emit(e.op(), e.time(), new CycleTimes(durations, with(i, e.next()), t0, exhausted));
        }
        if (s instanceof Step.Pending p) {
            return new Step.Pending(new CycleTimes(durations, with(i, p.next()), t0, exhausted), Math.min(p.wakeAt(), windowEnd));
        }
        boolean[] ex = exhausted.clone();
        ex[i] = true;
        CycleTimes next = new CycleTimes(durations, gens, t0, ex);
        return next.allExhausted() ? Step.EXHAUSTED : new Step.Pending(next, windowEnd);
    }

    private boolean allExhausted() {
        for (boolean b : exhausted) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    private List<Generator> with(int i, Generator g) {
        List<Generator> l = new ArrayList<>(gens);
        l.set(i, g);
        return l;
    }

    @Override
    public Generator update(Context ctx, Op event) {
        return new CycleTimes(durations, gens.stream().map(g -> g.update(ctx, event)).toList(), start, exhausted);
    }

    @Override
    public String toString() {
        return "cycle-times(" + durations + ", " + gens + ")";
    }
}
