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
 * {@code start-partition {"grudge":"halves|random-halves|isolate|majorities-ring|bridge","mode":"drop|stall|refuse",
 * "links":"all|quorum|election"}} and {@code stop-partition}. The completion's value adds the links actually
 * cut and the leader at the time. {@code links} picks the channels cut: a quorum-only cut lets servers elect
 * a leader that its voters then cannot reach, which is where an epoch that skipped its quorum shows up.
 *
 * <p>When the leader is known the grudge is placed against it, because a partition that leaves the leader
 * with its majority tests nothing about elections: {@code isolate} isolates the leader, {@code halves} and
 * {@code random-halves} put it in the smaller half, {@code bridge} puts it on one side (never the bridge).
 */
public final class PartitionNemesis implements Nemesis {
    public static final List<String> GRUDGES = List.of("halves", "random-halves", "isolate", "majorities-ring", "bridge");

    private final NetworkControl net;
    private final LeaderProbe leaderProbe;
    private final List<String> nodes;
    private Rng rng;

    public PartitionNemesis(NetworkControl net, LeaderProbe leaderProbe, List<String> nodes, long seed) {
        this.net = net;
        this.leaderProbe = leaderProbe;
        this.nodes = List.copyOf(nodes);
        this.rng = Rng.seeded(seed);
    }

    @Override
    public Set<String> fs() {
        return Set.of("start-partition", "stop-partition");
    }

    /** Builds the grudge a spec names against the leader, if known (pure apart from advancing the seeded randomness). */
    Grudge grudge(String kind, Optional<String> leader) {
        Rng r = rng;
        rng = rng.next();
        return place(kind, nodes, leader, r);
    }

    /** The grudge of this kind for these nodes, placed against {@code leader} when present. Pure. */
    public static Grudge place(String kind, List<String> nodes, Optional<String> leader, Rng r) {
        Optional<String> l = leader.filter(nodes::contains);
        List<String> shuffled = Grudges.shuffle(nodes, r);
        List<String> leaderFirst = new ArrayList<>();
        l.ifPresent(leaderFirst::add);
        shuffled.stream().filter(n -> !leaderFirst.contains(n)).forEach(leaderFirst::add);
        return switch (kind) {
            case "halves" -> Grudges.halves(l.isPresent() ? leaderFirst : nodes);
            case "random-halves" -> Grudges.halves(leaderFirst);
            case "isolate" -> Grudges.isolate(nodes, l.orElse(shuffled.get(0)));
            case "majorities-ring" -> Grudges.majoritiesRing(nodes, r.next());
            case "bridge" -> Grudges.bridge(leaderFirst);
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
            String links = "all";
            if (op.value() instanceof Map<?, ?> m) {
                kind = String.valueOf(m.get("grudge") == null ? kind : m.get("grudge"));
                mode = String.valueOf(m.get("mode") == null ? mode : m.get("mode"));
                links = String.valueOf(m.get("links") == null ? links : m.get("links"));
            } else if (op.value() instanceof String s) {
                kind = s;
            }
            PartitionMode pm = PartitionMode.parse(mode);
            Set<Channel> channels = Channel.parse(links);
            Optional<String> leader = kind.equals("majorities-ring") ? Optional.empty() : leaderProbe.leader();
            Grudge g = grudge(kind, leader);
            v.put("grudge", kind);
            v.put("mode", pm.wire());
            v.put("links", Channel.wire(channels));
            v.put("leader", leader.orElse(null));
            v.put("cut", g.toData());
            net.partition(g, pm, channels);
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
