package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Rng;
import dev.schism.results.history.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code start-partition {"grudge":"halves|random-halves|isolate|majorities-ring|bridge","mode":"drop|stall|refuse"}}
 * and {@code stop-partition}. The completion's value adds the links actually cut.
 */
public final class PartitionNemesis implements Nemesis {
    public static final List<String> GRUDGES = List.of("halves", "random-halves", "isolate", "majorities-ring", "bridge");

    private final NetworkControl net;
    private final List<String> nodes;
    private Rng rng;

    public PartitionNemesis(NetworkControl net, List<String> nodes, long seed) {
        this.net = net;
        this.nodes = List.copyOf(nodes);
        this.rng = Rng.seeded(seed);
    }

    @Override
    public Set<String> fs() {
        return Set.of("start-partition", "stop-partition");
    }

    /** Builds the grudge a spec names (pure apart from advancing this nemesis's seeded randomness). */
    Grudge grudge(String kind) {
        Rng r = rng;
        rng = rng.next();
        return switch (kind) {
            case "halves" -> Grudges.halves(nodes);
            case "random-halves" -> Grudges.randomHalves(nodes, r);
            case "isolate" -> Grudges.isolate(nodes, nodes.get((int) r.below(nodes.size())));
            case "majorities-ring" -> Grudges.majoritiesRing(nodes, r);
            case "bridge" -> Grudges.bridge(Grudges.shuffle(nodes, r));
            default -> throw new IllegalArgumentException("unknown grudge '" + kind + "' (expected one of " + GRUDGES + ")");
        };
    }

    @Override
    public Op invoke(Op op) {
        if (op.f().equals("stop-partition")) {
            try {
                net.heal();
                return Completions.done(op, "healed");
            } catch (Exception e) {
                return Completions.failed(op, null, e);
            }
        }
        Map<String, Object> v = new LinkedHashMap<>();
        try {
            String kind = "random-halves";
            String mode = "drop";
            if (op.value() instanceof Map<?, ?> m) {
                kind = String.valueOf(m.get("grudge") == null ? kind : m.get("grudge"));
                mode = String.valueOf(m.get("mode") == null ? mode : m.get("mode"));
            } else if (op.value() instanceof String s) {
                kind = s;
            }
            PartitionMode pm = PartitionMode.parse(mode);
            Grudge g = grudge(kind);
            v.put("grudge", kind);
            v.put("mode", pm.wire());
            v.put("cut", g.toData());
            net.partition(g, pm);
            return Completions.done(op, v);
        } catch (Exception e) {
            return Completions.failed(op, v, e);
        }
    }

    @Override
    public List<Op> healOps() {
        return List.of(Op.invoke(Op.NEMESIS, "stop-partition", null));
    }

    @Override
    public String toString() {
        return "partition-nemesis" + nodes;
    }
}
