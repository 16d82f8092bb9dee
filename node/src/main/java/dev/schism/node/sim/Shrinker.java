package dev.schism.node.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Delta debugging over a failing {@link FaultSchedule} (as DEMi did for Raft): cut the chaos phase at the
 * failure, drop chunks of faults and then of client writes (ddmin), turn noise knobs off, bring heals and
 * restarts earlier, and repeat until nothing more can go. A candidate is kept only if its run fails the
 * same safety check as the original, so the result is a schedule that still fails and is never larger.
 */
public final class Shrinker {
    /** Runs of the simulator one shrink may spend; each is a few milliseconds. */
    public static final int DEFAULT_BUDGET = 3000;

    private final long seed;
    private final SimOptions options;
    private final int budget;
    private String kind;
    private int runs;

    public Shrinker(long seed, SimOptions options, int budget) {
        this.seed = seed;
        this.options = options;
        this.budget = budget;
    }

    /** The result: the original and the minimal schedule, the final failure, and the runs it took. */
    public record Result(FaultSchedule before, FaultSchedule after, Outcome failure, int runs) {
        @Override
        public String toString() {
            return "shrunk " + before + " to " + after + " in " + runs + " runs";
        }
    }

    /** Shrinks {@code schedule}, which must fail a safety check (else IllegalArgumentException). */
    public Result shrink(FaultSchedule schedule) {
        Outcome first = run(schedule);
        if (first.verdict() != Outcome.Verdict.UNSAFE) {
            throw new IllegalArgumentException("seed " + seed + " does not fail a safety check (" + first.verdict()
                    + "); nothing to shrink");
        }
        kind = first.kind();
        FaultSchedule s = cut(schedule, first);
        boolean progress = true;
        while (progress && runs < budget) {
            FaultSchedule before = s;
            s = ddmin(s, true);
            s = ddmin(s, false);
            s = quieter(s);
            s = earlier(s);
            s = shorter(s);
            progress = !s.equals(before);
        }
        return new Result(schedule, s, run(s), runs);
    }

    private Outcome run(FaultSchedule s) {
        runs++;
        return new Simulation(seed, options, s, false).play();
    }

    /** The candidate's run if it fails the same way, else null. */
    private Outcome fails(FaultSchedule s) {
        if (runs >= budget) {
            return null;
        }
        Outcome o = run(s);
        return o.verdict() == Outcome.Verdict.UNSAFE && o.kind().equals(kind) ? o : null;
    }

    /** Nothing after the failure mattered: the run is deterministic up to it. */
    private static FaultSchedule cut(FaultSchedule s, Outcome failed) {
        return s.truncated((int) Math.min(Integer.MAX_VALUE, failed.tick() + 1));
    }

    private FaultSchedule accept(FaultSchedule candidate) {
        Outcome o = fails(candidate);
        return o == null ? null : cut(candidate, o);
    }

    /** Zeller's ddmin over the faults (or the client writes), keeping the other kind untouched. */
    private FaultSchedule ddmin(FaultSchedule s, boolean faults) {
        int chunks = 2;
        while (runs < budget) {
            List<Fault> items = s.faults().stream().filter(f -> f.isFault() == faults).toList();
            if (items.isEmpty()) {
                return s;
            }
            chunks = Math.min(chunks, items.size());
            boolean removed = false;
            for (int c = 0; c < chunks && !removed; c++) {
                int from = c * items.size() / chunks;
                int to = (c + 1) * items.size() / chunks;
                List<Fault> drop = items.subList(from, to);
                List<Fault> keep = new ArrayList<>(s.faults());
                keep.removeAll(drop);
                FaultSchedule t = accept(s.withFaults(keep));
                if (t != null) {
                    s = t;
                    chunks = Math.max(chunks - 1, 2);
                    removed = true;
                }
            }
            if (!removed) {
                if (chunks >= items.size()) {
                    return s;
                }
                chunks = Math.min(items.size(), chunks * 2);
            }
        }
        return s;
    }

    /** Each noise knob off, one at a time, kept off when the failure does not need it. */
    private FaultSchedule quieter(FaultSchedule s) {
        for (int knob = 0; knob < 6 && runs < budget; knob++) {
            Noise off = knobOff(s.noise(), knob);
            if (!off.equals(s.noise())) {
                FaultSchedule c = accept(s.withNoise(off));
                if (c != null) {
                    s = c;
                }
            }
        }
        return s;
    }

    private static Noise knobOff(Noise n, int knob) {
        return switch (knob) {
            case 0 -> new Noise(0, n.duplicate(), n.maxDelay(), n.midReadyCrash(), n.clockPause(), n.batch());
            case 1 -> new Noise(n.drop(), 0, n.maxDelay(), n.midReadyCrash(), n.clockPause(), n.batch());
            case 2 -> new Noise(n.drop(), n.duplicate(), 0, n.midReadyCrash(), n.clockPause(), n.batch());
            case 3 -> new Noise(n.drop(), n.duplicate(), n.maxDelay(), 0, n.clockPause(), n.batch());
            case 4 -> new Noise(n.drop(), n.duplicate(), n.maxDelay(), n.midReadyCrash(), 0, n.batch());
            default -> new Noise(n.drop(), n.duplicate(), n.maxDelay(), n.midReadyCrash(), n.clockPause(), 0);
        };
    }

    /** Fewer steps: the chaos phase ends right after its last action, or halfway there, while that still fails. */
    private FaultSchedule shorter(FaultSchedule s) {
        int last = s.faults().isEmpty() ? 0 : s.faults().get(s.faults().size() - 1).tick() + 1;
        for (int ticks : new int[] {last, (last + s.chaosTicks()) / 2}) {
            if (ticks < s.chaosTicks() && runs < budget) {
                FaultSchedule c = accept(s.truncated(ticks));
                if (c != null) {
                    return c;
                }
            }
        }
        return s;
    }

    /** Shorter faults: a heal or restart moved halfway towards the fault it ends, while that still fails. */
    private FaultSchedule earlier(FaultSchedule s) {
        for (int i = 0; i < s.faults().size() && runs < budget; i++) {
            Fault f = s.faults().get(i);
            if (f.kind() != Fault.Kind.HEAL && f.kind() != Fault.Kind.RESTART) {
                continue;
            }
            int floor = i == 0 ? 0 : s.faults().get(i - 1).tick();
            int target = (floor + f.tick()) / 2;
            if (target < f.tick() && target >= floor) {
                List<Fault> moved = new ArrayList<>(s.faults());
                moved.set(i, f.at(target));
                FaultSchedule c = accept(s.withFaults(moved));
                if (c != null) {
                    s = c;
                }
            }
        }
        return s;
    }

    @Override
    public String toString() {
        return "Shrinker{seed=" + seed + " " + options + " runs=" + runs + "/" + budget + "}";
    }
}
