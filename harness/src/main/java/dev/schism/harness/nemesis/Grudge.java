package dev.schism.harness.nemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A partition as data: for each node, the nodes it cannot hear. "b cannot hear a" is exactly the directed
 * link a→b, so a grudge need not be symmetric. Nodes absent from the map hear everyone.
 */
public record Grudge(Map<String, Set<String>> cannotHear) {

    /** A directed link that the grudge cuts: bytes from {@code from} do not reach {@code to}. */
    public record Link(String from, String to) {
        @Override
        public String toString() {
            return from + "->" + to;
        }
    }

    public Grudge {
        Map<String, Set<String>> m = new TreeMap<>();
        cannotHear.forEach((k, v) -> {
            if (!v.isEmpty()) {
                m.put(k, Collections.unmodifiableSet(new TreeSet<>(v)));
            }
        });
        cannotHear = Collections.unmodifiableMap(m);
    }

    /** No partition. */
    public static Grudge none() {
        return new Grudge(Map.of());
    }

    public boolean isEmpty() {
        return cannotHear.isEmpty();
    }

    /** Every cut link, sorted by receiver then sender. */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        cannotHear.forEach((to, froms) -> froms.forEach(from -> out.add(new Link(from, to))));
        return out;
    }

    /** Whether {@code to} hears {@code from}. */
    public boolean hears(String to, String from) {
        return !cannotHear.getOrDefault(to, Set.of()).contains(from);
    }

    /** Plain data for the history: {@code {"n1":["n4","n5"],...}}. */
    public Map<String, List<String>> toData() {
        Map<String, List<String>> m = new TreeMap<>();
        cannotHear.forEach((k, v) -> m.put(k, List.copyOf(v)));
        return m;
    }

    /** One line: {@code grudge{n1 x[n4 n5], n4 x[n1]}} (node x[nodes it cannot hear]). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("grudge{");
        boolean first = true;
        for (Map.Entry<String, Set<String>> e : cannotHear.entrySet()) {
            b.append(first ? "" : ", ").append(e.getKey()).append(" x[").append(String.join(" ", e.getValue())).append(']');
            first = false;
        }
        return b.append('}').toString();
    }
}
