package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named fault packages ({@code partition}, {@code kill}, {@code pause}, {@code latency}, {@code clock}):
 * each a nemesis plus a start/stop schedule. Several packages mix at random, one fault op every
 * {@code interval} on average, so faults of different kinds may overlap.
 */
public final class NemesisPackages {
    public static final List<String> NAMES = List.of("partition", "kill", "pause", "latency", "clock");

    /** What the target offers; absent capabilities make the packages that need them an error. */
    public record Target(List<String> nodes, Optional<NetworkControl> network, Optional<ProcessControl> processes,
                         Optional<ClockControl> clocks, LeaderProbe leader) {
    }

    /**
     * Tunables: the mean time between fault ops; the partition modes, grudges and link channels
     * ({@code all}, {@code quorum}, {@code election}) to draw from; and the seed. By default partitions cut
     * all channels or only the quorum channel: an election-only cut changes nothing while the leader stands,
     * so it is worth drawing only alongside faults that force elections (kill, pause). The grudges that leave
     * every node a majority ({@link PartitionNemesis#KEEPS_MAJORITIES}) are drawn only with all links cut:
     * on one channel alone no server loses its quorum, and the draw would be a partition that tests nothing.
     */
    public record Options(long intervalNanos, List<PartitionMode> modes, List<String> grudges, List<String> links, long seed) {
        public static final List<String> LINKS = List.of("all", "quorum", "election");
        public static final List<String> DEFAULT_LINKS = List.of("all", "quorum");

        public Options {
            modes = List.copyOf(modes);
            grudges = List.copyOf(grudges);
            links = List.copyOf(links);
            links.forEach(Channel::parse);
            if (links.isEmpty()) {
                throw new IllegalArgumentException("--partition-links needs at least one of " + LINKS);
            }
        }

        public static Options defaults(long seed) {
            return new Options(Gens.seconds(5), List.of(PartitionMode.values()), PartitionNemesis.GRUDGES, DEFAULT_LINKS, seed);
        }
    }

    /** The nemesis, its schedule (for the nemesis thread; never exhausted on its own) and the names it was built from. */
    public record Plan(Nemesis nemesis, Generator generator, List<String> packages) {
        public List<Op> healOps() {
            return nemesis.healOps();
        }
    }

    private NemesisPackages() {
    }

    /** Parses {@code "partition,kill"} (or "none"/empty) into package names; unknown names are an error naming them. */
    public static List<String> parse(String spec) {
        Set<String> out = new LinkedHashSet<>();
        if (spec == null || spec.isBlank() || spec.equals("none")) {
            return List.of();
        }
        for (String s : spec.split(",")) {
            String n = s.trim();
            if (!NAMES.contains(n)) {
                throw new IllegalArgumentException("unknown nemesis '" + n + "' (known: " + String.join(", ", NAMES) + ", none)");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    public static Plan build(List<String> names, Target target, Options opts) {
        List<Nemesis> parts = new ArrayList<>();
        List<Generator> gens = new ArrayList<>();
        long seed = opts.seed();
        for (String name : names) {
            seed = seed * 31 + name.hashCode();
            switch (name) {
                case "partition" -> {
                    NetworkControl net = need(target.network(), name, "network control (a fault proxy)");
                    parts.add(new PartitionNemesis(net, target.leader(), target.nodes(), seed));
                    gens.add(partitionSchedule(opts, seed));
                }
                case "kill" -> {
                    ProcessControl p = need(target.processes(), name, "process control");
                    parts.add(processNemesis(parts, p, target, seed));
                    gens.add(Gens.flipFlop(Gens.mix(seed, Gens.repeat("kill", "one"), Gens.repeat("kill", "leader"),
                            Gens.repeat("kill", "minority"), Gens.repeat("kill", "majority"), Gens.repeat("kill", "all")),
                            Gens.repeat("start", null)));
                }
                case "pause" -> {
                    ProcessControl p = need(target.processes(), name, "process control");
                    parts.add(processNemesis(parts, p, target, seed));
                    gens.add(Gens.flipFlop(Gens.mix(seed, Gens.repeat("pause", "one"), Gens.repeat("pause", "leader"),
                            Gens.repeat("pause", "minority")), Gens.repeat("resume", null)));
                }
                case "latency" -> {
                    NetworkControl net = need(target.network(), name, "network control (a fault proxy)");
                    parts.add(new LatencyNemesis(net));
                    gens.add(Gens.flipFlop(Gens.repeat("start-latency", Completions.fields("ms", 100L, "jitter", 50L)),
                            Gens.repeat("stop-latency", null)));
                }
                case "clock" -> {
                    ClockControl c = need(target.clocks(), name, "clock control");
                    parts.add(new ClockNemesis(c, target.leader(), target.nodes(), seed));
                    gens.add(Gens.flipFlop(Gens.mix(seed,
                            Gens.repeat("clock-bump", Completions.fields("targets", "one")),
                            Gens.repeat("clock-bump", Completions.fields("targets", "leader")),
                            Gens.repeat("clock-strobe", Completions.fields("targets", "one", "ms", 5000L, "period-ms", 20L, "duration-ms", 2000L)),
                            Gens.repeat("clock-skew", Completions.fields("targets", "all", "max-ms", 30_000L))),
                            Gens.repeat("clock-reset", null)));
                }
                default -> throw new IllegalArgumentException("unknown nemesis '" + name + "' (known: " + String.join(", ", NAMES) + ")");
            }
        }
        List<Nemesis> unique = parts.stream().distinct().toList();
        Generator gen = gens.isEmpty() ? Gens.sleep(Long.MAX_VALUE / 4)
                : Gens.stagger(opts.intervalNanos(), gens.size() == 1 ? gens.get(0) : Gens.mix(opts.seed(), gens.toArray(Generator[]::new)), opts.seed());
        return new Plan(new CompositeNemesis(unique), gen, List.copyOf(names));
    }

    /**
     * One episode per partition: cut and heal, or for a cut of one channel: cut, widen to every channel, heal.
     * The channel choices take turns (all links, then quorum only, then all links...), so every run, however
     * short, has as many quorum-only cuts as full ones whatever the number of grudges; each episode then
     * draws a grudge and a mode. A one-channel cut holds for at least one interval before it widens. The
     * ensemble needs that long to act on it: a silent cut (drop, stall) shows only after syncLimit, the
     * learners then often re-follow the leader they lost on stale votes and give up on it only after
     * initLimit, and only then is there an election. A cut widened sooner is no different from a cut of
     * every channel.
     */
    private static Generator partitionSchedule(Options opts, long seed) {
        long settle = opts.intervalNanos();
        List<List<Generator>> byLinks = new ArrayList<>();
        for (String links : opts.links()) {
            List<Generator> episodes = new ArrayList<>();
            for (String g : opts.grudges()) {
                if (PartitionNemesis.KEEPS_MAJORITIES.contains(g) && !links.equals("all")) {
                    continue;
                }
                for (PartitionMode m : opts.modes()) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("grudge", g);
                    v.put("mode", m.wire());
                    v.put("links", links);
                    episodes.add(links.equals("all")
                            ? Gens.phases(Gens.once("start-partition", v), Gens.once("stop-partition", null))
                            : Gens.phases(Gens.once("start-partition", v), Gens.sleep(settle),
                                    Gens.once("widen-partition", null), Gens.once("stop-partition", null)));
                }
            }
            if (!episodes.isEmpty()) {
                byLinks.add(episodes);
            }
        }
        if (byLinks.isEmpty()) {
            throw new IllegalArgumentException("no partition to draw: grudges " + opts.grudges() + " each leave every node a majority,"
                    + " which is only a fault when all links are cut (links: " + opts.links() + ")");
        }
        return Gens.episodes(seed, byLinks);
    }

    /** kill and pause share one process nemesis. */
    private static Nemesis processNemesis(List<Nemesis> parts, ProcessControl p, Target target, long seed) {
        for (Nemesis n : parts) {
            if (n instanceof ProcessNemesis) {
                return n;
            }
        }
        return new ProcessNemesis(p, target.leader(), target.nodes(), seed);
    }

    private static <T> T need(Optional<T> cap, String pkg, String what) {
        return cap.orElseThrow(() -> new IllegalArgumentException("nemesis '" + pkg + "' needs " + what + ", which this backend does not offer"));
    }
}
