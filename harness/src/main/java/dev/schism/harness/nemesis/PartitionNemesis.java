package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Rng;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The election favourite (see {@link LeaderProbe#favourite()}) joins the leader there, so the majority must
 * elect a server with a shorter log, and a quorum-only cut leaves the next winner unreachable by its voters.
 *
 * <p>{@code widen-partition} escalates the current partition to every channel without healing it first, as a
 * blocked port often turns into a lost machine: servers that kept electing over the open election channel
 * are now cut off from it too, and the majority must elect without them. The partition package widens
 * every quorum-only cut before healing it.
 */
public final class PartitionNemesis implements Nemesis {
    public static final List<String> GRUDGES = List.of("halves", "random-halves", "isolate", "majorities-ring", "bridge");
    /** Grudges after which every node still hears a majority (so the leader keeps its quorum). */
    public static final Set<String> KEEPS_MAJORITIES = Set.of("majorities-ring", "bridge");

    private final NetworkControl net;
    private final LeaderProbe leaderProbe;
    private final List<String> nodes;
    private Rng rng;
    /** The partition in force, or null when healed or unknown; {@code widen-partition} needs it. */
    private Cut current;

    private record Cut(Grudge grudge, PartitionMode mode, Set<Channel> channels) {
    }

    public PartitionNemesis(NetworkControl net, LeaderProbe leaderProbe, List<String> nodes, long seed) {
        this.net = net;
        this.leaderProbe = leaderProbe;
        this.nodes = List.copyOf(nodes);
        this.rng = Rng.seeded(seed);
    }

    @Override
    public Set<String> fs() {
        return Set.of("start-partition", "widen-partition", "stop-partition");
    }

    /** Builds the grudge a spec names against these nodes (pure apart from advancing the seeded randomness). */
    Grudge grudge(String kind, List<String> against) {
        Rng r = rng;
        rng = rng.next();
        return place(kind, nodes, against, r);
    }

    /** {@link #place(String, List, List, Rng)} against the leader alone, if known. */
    public static Grudge place(String kind, List<String> nodes, Optional<String> leader, Rng r) {
        return place(kind, nodes, leader.map(List::of).orElse(List.of()), r);
    }

    /**
     * The grudge of this kind for these nodes, placed against {@code against} (the leader, then the election
     * favourite; either may be missing): they go first into the smaller side, and {@code isolate} isolates
     * the first. Pure.
     */
    public static Grudge place(String kind, List<String> nodes, List<String> against, Rng r) {
        List<String> targets = against.stream().filter(nodes::contains).distinct().toList();
        List<String> shuffled = Grudges.shuffle(nodes, r);
        List<String> targetsFirst = new ArrayList<>(targets);
        shuffled.stream().filter(n -> !targetsFirst.contains(n)).forEach(targetsFirst::add);
        return switch (kind) {
            case "halves" -> Grudges.halves(targets.isEmpty() ? nodes : targetsFirst);
            case "random-halves" -> Grudges.halves(targetsFirst);
            case "isolate" -> Grudges.isolate(nodes, targets.isEmpty() ? shuffled.get(0) : targets.get(0));
            case "majorities-ring" -> Grudges.majoritiesRing(nodes, r.next());
            case "bridge" -> Grudges.bridge(targetsFirst);
            default -> throw new IllegalArgumentException("unknown grudge '" + kind + "' (expected one of " + GRUDGES + ")");
        };
    }

    @Override
    public Op invoke(Op op) {
        if (op.f().equals("stop-partition")) {
            try {
                current = null;
                net.heal();
                return Completions.done(op, "healed");
            } catch (Exception e) {
                return Completions.failed(op, null, e);
            }
        }
        if (op.f().equals("widen-partition")) {
            return widen(op);
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
            boolean placed = !kind.equals("majorities-ring");
            Optional<String> leader = placed ? leaderProbe.leader() : Optional.empty();
            Optional<String> favourite = placed ? leaderProbe.favourite() : Optional.empty();
            List<String> against = new ArrayList<>();
            leader.ifPresent(against::add);
            favourite.ifPresent(against::add);
            Grudge g = grudge(kind, against);
            v.put("grudge", kind);
            v.put("mode", pm.wire());
            v.put("links", Channel.wire(channels));
            v.put("leader", leader.orElse(null));
            v.put("favourite", favourite.orElse(null));
            v.put("cut", g.toData());
            current = null; // if the change fails half way, what is cut is unknown until the next heal
            net.partition(g, pm, channels);
            current = new Cut(g, pm, channels);
            return Completions.done(op, v);
        } catch (Exception e) {
            return Completions.failed(op, v, e);
        }
    }

    private Op widen(Op op) {
        if (current == null) {
            return Completions.done(op, "no partition to widen");
        }
        if (current.channels().containsAll(EnumSet.allOf(Channel.class))) {
            return Completions.done(op, "already cuts every channel");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mode", current.mode().wire());
        v.put("links", "all");
        v.put("from", Channel.wire(current.channels()));
        v.put("cut", current.grudge().toData());
        try {
            net.partition(current.grudge(), current.mode(), EnumSet.allOf(Channel.class));
            current = new Cut(current.grudge(), current.mode(), EnumSet.allOf(Channel.class));
            return Completions.done(op, v);
        } catch (Exception e) {
            current = null;
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
