package dev.schism.harness.replay;

import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.ClockControl;
import dev.schism.harness.nemesis.Grudge;
import dev.schism.harness.nemesis.Nemesis;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.nemesis.NetworkControl;
import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.nemesis.ProcessControl;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Performs recorded nemesis ops with the targets they had, not new draws: a partition cuts the recorded
 * grudge, a kill or pause hits the recorded nodes, a clock bump or skew sets the recorded offsets. The
 * original run's nemesis chose its targets by the leader of the moment and its own random stream, and the
 * leader of a replay need not be the same node, so re-drawing would be another schedule. Ops without
 * targets (heals, restarts, resets, latency) and strobes go to the test's own nemesis.
 */
public final class RecordedNemesis implements Nemesis {
    private final NemesisPackages.Target target;
    private final Nemesis base;

    public RecordedNemesis(NemesisPackages.Target target, Nemesis base) {
        this.target = target;
        this.base = base;
    }

    @Override
    public Set<String> fs() {
        Set<String> fs = new LinkedHashSet<>(base.fs());
        fs.addAll(List.of("start-partition", "widen-partition", "kill", "pause", "clock-bump", "clock-skew"));
        return fs;
    }

    @Override
    public Op invoke(Op op) {
        try {
            return switch (op.f()) {
                case "start-partition", "widen-partition" -> partition(op);
                case "kill", "pause" -> processes(op);
                case "clock-bump", "clock-skew" -> clocks(op);
                case "clock-strobe" -> base.invoke(strobe(op));
                default -> base.invoke(op);
            };
        } catch (Exception e) {
            String msg = e.getMessage() == null ? "failed without a message" : e.getMessage();
            return op.complete(OpType.INFO, op.value()).withError(msg);
        }
    }

    /** The recorded cut on the recorded channels; a widen that found nothing to widen did nothing then either. */
    private Op partition(Op op) throws Exception {
        if (!(op.value() instanceof Map<?, ?> m) || !(m.get("cut") instanceof Map<?, ?> cut)) {
            return op.complete(OpType.INFO, op.value());
        }
        NetworkControl net = target.network().orElseThrow(() -> new IllegalStateException("this backend has no network control"));
        PartitionMode mode = PartitionMode.parse(String.valueOf(m.get("mode")));
        Set<Channel> channels = op.f().equals("widen-partition") ? EnumSet.allOf(Channel.class)
                : Channel.parse(String.valueOf(m.get("links")));
        Map<String, Set<String>> cannotHear = new TreeMap<>();
        cut.forEach((to, froms) -> cannotHear.put(String.valueOf(to), new TreeSet<>(names(froms))));
        net.partition(new Grudge(cannotHear), mode, channels);
        // What was done, without the leader the original observed: this run did not look.
        Map<Object, Object> done = new LinkedHashMap<>(m);
        done.remove("leader");
        done.remove("favourite");
        return op.complete(OpType.INFO, done);
    }

    /** Kills or pauses each recorded node that is running (and, for a pause, not paused yet), as the process nemesis does. */
    private Op processes(Op op) throws Exception {
        ProcessControl procs = target.processes().orElseThrow(() -> new IllegalStateException("this backend has no process control"));
        List<String> hit = new ArrayList<>();
        for (String n : names(op.value())) {
            boolean kill = op.f().equals("kill");
            if (procs.running().contains(n) && (kill || !procs.paused().contains(n))) {
                if (kill) {
                    procs.kill(n);
                } else {
                    procs.pause(n);
                }
                hit.add(n);
            }
        }
        return op.complete(OpType.INFO, hit);
    }

    /** Shifts each recorded node's clock to the offset it had after the original op. */
    private Op clocks(Op op) throws Exception {
        ClockControl clocks = target.clocks().orElseThrow(() -> new IllegalStateException("this backend has no clock control"));
        Map<String, Object> result = new LinkedHashMap<>();
        if (op.value() instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String n = String.valueOf(e.getKey());
                long want = e.getValue() instanceof Number x ? x.longValue() : clocks.offset(n);
                clocks.shift(n, want - clocks.offset(n));
                result.put(n, clocks.offset(n));
            }
        }
        return op.complete(OpType.INFO, result);
    }

    /** A strobe records only where the clocks ended; it is run again with the package's own parameters on the node it hit. */
    private static Op strobe(Op op) {
        String node = op.value() instanceof Map<?, ?> m && !m.isEmpty() ? String.valueOf(m.keySet().iterator().next()) : "one";
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("targets", node);
        v.put("ms", 5000L);
        v.put("period-ms", 20L);
        v.put("duration-ms", 2000L);
        return op.withValue(v);
    }

    private static List<String> names(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x)));
        }
        return out;
    }

    @Override
    public List<Op> healOps() {
        return base.healOps();
    }

    @Override
    public String toString() {
        return "recorded-nemesis(" + base + ")";
    }
}
