package dev.schism.harness.gen;

import dev.schism.results.history.Op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/** Building blocks for schedules. Every result is an immutable {@link Generator}. */
public final class Gens {
    private Gens() {
    }

    /** One op {@code f value}. */
    public static Generator once(String f, Object value) {
        return new Repeat(f, n -> Op.invoke(0, f, value), 0, 1);
    }

    /** {@code f value} forever. */
    public static Generator repeat(String f, Object value) {
        return new Repeat(f, n -> Op.invoke(0, f, value), 0, Long.MAX_VALUE);
    }

    /** {@code f value(n)} forever, n = 0, 1, 2, ... (e.g. unique values to write). */
    public static Generator numbered(String f, LongFunction<Object> value) {
        return new Repeat(f, n -> Op.invoke(0, f, value.apply(n)), 0, Long.MAX_VALUE);
    }

    /**
     * The op {@code op(n)} (its f and value) forever, n = 0, 1, 2, ...: a workload's mix of ops as a pure
     * function of n (e.g. seeded by n), so asking again for the same n gives the same op.
     */
    public static Generator numberedOps(String label, LongFunction<Op> op) {
        return new Repeat(label, op, 0, Long.MAX_VALUE);
    }

    /** Nothing for the given time, then exhausted. */
    public static Generator sleep(long nanos) {
        return new Sleep(nanos, Sleep.UNSET);
    }

    /** At most n ops. */
    public static Generator limit(long n, Generator gen) {
        return new Limit(n, gen);
    }

    /** Ops spaced by a uniformly random delay in [0, 2·meanNanos): on average one per meanNanos. */
    public static Generator stagger(long meanNanos, Generator gen, long seed) {
        return new Stagger(meanNanos, true, gen, Stagger.UNSET, Rng.seeded(seed));
    }

    /** Ops exactly {@code nanos} apart (the first at once). */
    public static Generator delay(long nanos, Generator gen) {
        return new Stagger(nanos, false, gen, Stagger.UNSET, Rng.seeded(0));
    }

    /** {@code gen} for {@code nanos} from the first ask. */
    public static Generator timeLimit(long nanos, Generator gen) {
        return new TimeLimit(nanos, gen, TimeLimit.UNSET);
    }

    /** Each op from a randomly picked generator. */
    public static Generator mix(long seed, Generator... gens) {
        return new Mix(List.of(gens), Rng.seeded(seed));
    }

    /**
     * Forever: the groups take turns (the first drawn from the seed); on its turn, one of the group's finite
     * generators, picked at random, runs to exhaustion. Groups get the same number of episodes, give or
     * take one, whatever their sizes and however short the run.
     */
    public static Generator episodes(long seed, List<List<Generator>> groups) {
        if (groups.isEmpty() || groups.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("episodes need at least one group, and no group may be empty: " + groups);
        }
        return new Episodes(groups.stream().map(List::copyOf).toList(), Rng.seeded(seed), -1, null);
    }

    /** Each generator to exhaustion in turn, waiting for every thread to be free in between. */
    public static Generator phases(Generator... gens) {
        return new Phases(List.of(gens), 0);
    }

    /** Alternately from a and b. */
    public static Generator flipFlop(Generator a, Generator b) {
        return new FlipFlop(a, b, false);
    }

    /** {@code cycleTimes(d1, g1, d2, g2, ...)}: g1 for d1 ns, g2 for d2 ns, ..., round and round. */
    public static Generator cycleTimes(Object... durationsAndGens) {
        if (durationsAndGens.length == 0 || durationsAndGens.length % 2 != 0) {
            throw new IllegalArgumentException("cycleTimes takes pairs (nanos, generator), got " + durationsAndGens.length + " arguments");
        }
        List<Long> d = new ArrayList<>();
        List<Generator> g = new ArrayList<>();
        for (int i = 0; i < durationsAndGens.length; i += 2) {
            long nanos = ((Number) durationsAndGens[i]).longValue();
            if (nanos <= 0) {
                throw new IllegalArgumentException("cycleTimes: duration " + (i / 2 + 1) + " must be > 0, got " + nanos);
            }
            d.add(nanos);
            g.add((Generator) durationsAndGens[i + 1]);
        }
        return new CycleTimes(d, g, CycleTimes.UNSET, new boolean[g.size()]);
    }

    /**
     * {@code reserve(n1, g1, n2, g2, ..., rest)}: the first n1 client threads run g1, the next n2 run g2,
     * and the remaining client threads run rest.
     */
    public static Generator reserve(Object... countsAndGens) {
        if (countsAndGens.length % 2 != 1) {
            throw new IllegalArgumentException("reserve takes pairs (threads, generator) and then the rest generator");
        }
        List<Generator> gens = new ArrayList<>();
        List<View> views = new ArrayList<>();
        int from = 0;
        for (int i = 0; i + 1 < countsAndGens.length; i += 2) {
            int n = ((Number) countsAndGens[i]).intValue();
            views.add(new View.Range(from, from + n));
            gens.add((Generator) countsAndGens[i + 1]);
            from += n;
        }
        views.add(new View.From(from));
        gens.add((Generator) countsAndGens[countsAndGens.length - 1]);
        return new Routed(gens, views);
    }

    /** Ops from gen until one completes ok. */
    public static Generator untilOk(Generator gen) {
        return new UntilOk(gen, Set.of(), false);
    }

    /** Each thread runs its own copy of gen. */
    public static Generator eachThread(Generator gen) {
        return new EachThread(gen, Map.of());
    }

    /** gen sees client threads only. */
    public static Generator clients(Generator gen) {
        return new Routed(List.of(gen), List.of(new View.Clients()));
    }

    /** gen sees the nemesis thread only. */
    public static Generator nemesis(Generator gen) {
        return new Routed(List.of(gen), List.of(new View.Nemesis()));
    }

    /** Client ops from clientGen and nemesis ops from nemesisGen, side by side. */
    public static Generator clientsAndNemesis(Generator clientGen, Generator nemesisGen) {
        return new Routed(List.of(clientGen, nemesisGen), List.of(new View.Clients(), new View.Nemesis()));
    }

    /** Whichever of the generators proposes the earliest op (all see every thread). */
    public static Generator any(Generator... gens) {
        List<View> views = new ArrayList<>();
        Arrays.stream(gens).forEach(g -> views.add(new View.All()));
        return new Routed(List.of(gens), views);
    }

    public static long seconds(double s) {
        return (long) (s * TimeUnit.SECONDS.toNanos(1));
    }

    public static long millis(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
