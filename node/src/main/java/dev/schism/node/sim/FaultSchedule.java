package dev.schism.node.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Everything a simulation's chaos phase does on purpose, as data: its length in ticks, the background
 * {@link Noise}, and the {@link Fault}s and client writes at their ticks. A seed generates one; shrinking
 * edits it; {@link ScheduleText} writes it as one line that {@code schism explore --schedule} replays.
 */
public record FaultSchedule(int chaosTicks, Noise noise, List<Fault> faults) {
    public static final int DEFAULT_CHAOS_TICKS = 300;

    public FaultSchedule {
        faults = List.copyOf(faults);
    }

    /**
     * The schedule a seed stands for: in every tick one draw picks a power loss (0.3%), a crash (0.6%), a
     * restart (2.1%), a partition (1%), a heal (1%), a snapshot (1%), a client write (29%) or nothing.
     */
    public static FaultSchedule generate(long seed, int servers, int chaosTicks, Noise noise) {
        Random g = new Random(seed);
        List<Fault> out = new ArrayList<>();
        for (int t = 0; t < chaosTicks; t++) {
            double r = g.nextDouble();
            long n = 1 + g.nextInt(servers);
            if (r < 0.003) {
                List<Long> hit = new ArrayList<>();
                for (long s = 1; s <= servers; s++) {
                    if (g.nextInt(4) != 0) {
                        hit.add(s);
                    }
                }
                out.add(new Fault(t, Fault.Kind.POWER_LOSS, hit, false));
            } else if (r < 0.009) {
                out.add(new Fault(t, Fault.Kind.CRASH, List.of(n), false));
            } else if (r < 0.03) {
                out.add(new Fault(t, Fault.Kind.RESTART, List.of(n), false));
            } else if (r < 0.04) {
                out.add(partition(g, t, servers));
            } else if (r < 0.05) {
                out.add(new Fault(t, Fault.Kind.HEAL, List.of(), false));
            } else if (r < 0.06) {
                out.add(new Fault(t, Fault.Kind.SNAPSHOT, List.of(n), false));
            } else if (r < 0.35) {
                out.add(new Fault(t, Fault.Kind.PROPOSE, List.of(n), false));
            }
        }
        return new FaultSchedule(chaosTicks, noise, out);
    }

    /** One server alone on a side, or a random subset (possibly empty: then nothing is cut). */
    private static Fault partition(Random g, int t, int servers) {
        List<Long> side = new ArrayList<>();
        if (g.nextBoolean()) {
            side.add(1L + g.nextInt(servers));
        } else {
            for (long s = 1; s <= servers; s++) {
                if (g.nextBoolean()) {
                    side.add(s);
                }
            }
        }
        return new Fault(t, Fault.Kind.PARTITION, side, g.nextInt(3) == 0);
    }

    public long faultCount() {
        return faults.stream().filter(Fault::isFault).count();
    }

    public long writeCount() {
        return faults.size() - faultCount();
    }

    /** A schedule no larger in any respect than this one, for comparing shrink results. */
    public boolean noLargerThan(FaultSchedule o) {
        return chaosTicks <= o.chaosTicks && faultCount() <= o.faultCount() && writeCount() <= o.writeCount()
                && noise.knobsOn() <= o.noise.knobsOn();
    }

    FaultSchedule withFaults(List<Fault> f) {
        return new FaultSchedule(chaosTicks, noise, f);
    }

    FaultSchedule withNoise(Noise n) {
        return new FaultSchedule(chaosTicks, n, faults);
    }

    /** The chaos phase cut to {@code ticks}, with every action from then on dropped. */
    FaultSchedule truncated(int ticks) {
        if (ticks >= chaosTicks) {
            return this;
        }
        return new FaultSchedule(ticks, noise, faults.stream().filter(f -> f.tick() < ticks).toList());
    }

    /** A few lines a person can read: size, noise, then every fault (client writes only counted). */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(chaosTicks).append(" chaos ticks, ").append(faultCount()).append(" faults, ").append(writeCount())
                .append(" client writes; noise ").append(noise.knobsOn() == 0 ? "off" : noise.toString()).append('\n');
        for (Fault f : faults) {
            if (f.isFault()) {
                b.append("  ").append(f).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "FaultSchedule{" + chaosTicks + " ticks, " + faultCount() + " faults, " + writeCount() + " writes, "
                + noise + "}";
    }
}
