package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which nodes a process or clock fault hits: {@code one}, {@code minority}, {@code majority},
 * {@code leader}, {@code all}, or a node name. Pure: the randomness comes in as an {@link Rng}.
 */
public final class Targets {
    public static final List<String> SPECS = List.of("one", "minority", "majority", "leader", "all");

    private Targets() {
    }

    /** The nodes for {@code spec}, in node order. "leader" falls back to one random node when none is known. */
    public static List<String> resolve(String spec, List<String> nodes, Optional<String> leader, Rng rng) {
        int n = nodes.size();
        List<String> shuffled = Grudges.shuffle(nodes, rng);
        List<String> picked = switch (spec) {
            case "one" -> shuffled.subList(0, Math.min(1, n));
            case "minority" -> shuffled.subList(0, (n - 1) / 2);
            case "majority" -> shuffled.subList(0, n / 2 + 1);
            case "leader" -> leader.filter(nodes::contains).map(List::of).orElse(shuffled.subList(0, Math.min(1, n)));
            case "all" -> nodes;
            default -> {
                if (!nodes.contains(spec)) {
                    throw new IllegalArgumentException("unknown target '" + spec + "' (expected one of " + SPECS + " or a node of " + nodes + ")");
                }
                yield List.of(spec);
            }
        };
        List<String> out = new ArrayList<>(picked);
        out.sort(java.util.Comparator.comparingInt(nodes::indexOf));
        return out;
    }
}
