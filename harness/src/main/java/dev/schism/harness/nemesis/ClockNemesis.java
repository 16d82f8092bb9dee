package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Rng;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Clock faults on single nodes, never the host clock:
 * {@code clock-bump {"targets":"one","ms":-20000}} jumps clocks once;
 * {@code clock-strobe {"targets":"one","ms":5000,"period-ms":20,"duration-ms":2000}} flips a clock back and
 * forth; {@code clock-skew {"targets":"all","max-ms":10000}} gives each target its own random offset;
 * {@code clock-reset} undoes every shift. The completion's value maps each node to its resulting offset.
 */
public final class ClockNemesis implements Nemesis {
    private final ClockControl clocks;
    private final LeaderProbe leader;
    private final List<String> nodes;
    private Rng rng;

    public ClockNemesis(ClockControl clocks, LeaderProbe leader, List<String> nodes, long seed) {
        this.clocks = clocks;
        this.leader = leader;
        this.nodes = List.copyOf(nodes);
        this.rng = Rng.seeded(seed);
    }

    @Override
    public Set<String> fs() {
        return Set.of("clock-bump", "clock-strobe", "clock-skew", "clock-reset");
    }

    private static long num(Map<?, ?> m, String k, long dflt) {
        return m.get(k) instanceof Number n ? n.longValue() : dflt;
    }

    @Override
    public Op invoke(Op op) {
        Map<?, ?> m = op.value() instanceof Map<?, ?> mm ? mm : Map.of();
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            if (op.f().equals("clock-reset")) {
                for (String n : nodes) {
                    if (clocks.offset(n) != 0) {
                        clocks.reset(n);
                    }
                    result.put(n, clocks.offset(n));
                }
                return Completions.done(op, result);
            }
            String spec = m.get("targets") == null ? "one" : m.get("targets").toString();
            Optional<String> lead = spec.equals("leader") ? leader.leader() : Optional.empty();
            List<String> targets = new ArrayList<>(Targets.resolve(spec, nodes, lead, rng));
            rng = rng.next();
            switch (op.f()) {
                case "clock-bump" -> {
                    long ms = num(m, "ms", 0);
                    if (ms == 0) {
                        ms = (rng.below(2) == 0 ? -1 : 1) * (1000 + rng.next().below(59_000));
                        rng = rng.next().next();
                    }
                    for (String n : targets) {
                        clocks.shift(n, ms);
                        result.put(n, clocks.offset(n));
                    }
                }
                case "clock-strobe" -> {
                    long ms = num(m, "ms", 5000);
                    long period = Math.max(1, num(m, "period-ms", 20));
                    long end = System.nanoTime() + num(m, "duration-ms", 2000) * 1_000_000L;
                    boolean ahead = false;
                    while (System.nanoTime() < end || ahead) {
                        for (String n : targets) {
                            clocks.shift(n, ahead ? -ms : ms);
                        }
                        ahead = !ahead;
                        Thread.sleep(period);
                    }
                    targets.forEach(n -> result.put(n, clocks.offset(n)));
                }
                case "clock-skew" -> {
                    long max = Math.max(1, num(m, "max-ms", 10_000));
                    for (String n : targets) {
                        long ms = rng.below(2 * max + 1) - max;
                        rng = rng.next();
                        clocks.shift(n, ms);
                        result.put(n, clocks.offset(n));
                    }
                }
                default -> {
                    return Completions.unknownF(op);
                }
            }
            return Completions.done(op, result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Completions.failed(op, result, e);
        } catch (Exception e) {
            return Completions.failed(op, result, e);
        }
    }

    @Override
    public List<Op> healOps() {
        return List.of(Op.invoke(Op.NEMESIS, "clock-reset", null));
    }

    @Override
    public String toString() {
        return "clock-nemesis" + nodes;
    }
}
