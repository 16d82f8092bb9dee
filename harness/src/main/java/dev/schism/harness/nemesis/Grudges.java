package dev.schism.harness.nemesis;

import dev.schism.harness.gen.Rng;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure functions from a node list to a {@link Grudge}. Randomised builders take an {@link Rng}, so a seed
 * fixes the partition.
 */
public final class Grudges {
    private Grudges() {
    }

    /** Components that cannot hear each other: every node hears exactly the nodes of its own component(s). */
    public static Grudge complete(List<? extends Set<String>> components) {
        Set<String> all = new HashSet<>();
        components.forEach(all::addAll);
        Map<String, Set<String>> g = new HashMap<>();
        for (String n : all) {
            Set<String> hears = new HashSet<>();
            for (Set<String> c : components) {
                if (c.contains(n)) {
                    hears.addAll(c);
                }
            }
            Set<String> deaf = new HashSet<>(all);
            deaf.removeAll(hears);
            g.put(n, deaf);
        }
        return new Grudge(g);
    }

    /** The first floor(n/2) nodes against the rest: for 5 nodes, [n1 n2] | [n3 n4 n5]. */
    public static Grudge halves(List<String> nodes) {
        int k = nodes.size() / 2;
        return complete(List.of(Set.copyOf(nodes.subList(0, k)), Set.copyOf(nodes.subList(k, nodes.size()))));
    }

    /** {@link #halves} of a random permutation. */
    public static Grudge randomHalves(List<String> nodes, Rng rng) {
        return halves(shuffle(nodes, rng));
    }

    /** One node alone against the rest. */
    public static Grudge isolate(List<String> nodes, String one) {
        if (!nodes.contains(one)) {
            throw new IllegalArgumentException("cannot isolate " + one + ": not one of " + nodes);
        }
        Set<String> rest = new HashSet<>(nodes);
        rest.remove(one);
        return complete(List.of(Set.of(one), rest));
    }

    /**
     * Every node hears a majority, but no two nodes hear the same majority: nodes on a (randomly ordered)
     * ring each hear the floor(n/2) nearest neighbours and themselves... for odd n exactly a majority. For
     * 5 nodes in ring order a b c d e: a hears e a b, b hears a b c, and so on.
     */
    public static Grudge majoritiesRing(List<String> nodes, Rng rng) {
        List<String> ring = shuffle(nodes, rng);
        int n = ring.size();
        int majority = n / 2 + 1;
        int before = (majority - 1) / 2;
        Map<String, Set<String>> g = new HashMap<>();
        for (int i = 0; i < n; i++) {
            Set<String> hears = new HashSet<>();
            for (int k = 0; k < majority; k++) {
                hears.add(ring.get(Math.floorMod(i - before + k, n)));
            }
            Set<String> deaf = new HashSet<>(ring);
            deaf.removeAll(hears);
            g.put(ring.get(i), deaf);
        }
        return new Grudge(g);
    }

    /**
     * Two halves joined by one bridge node that hears (and is heard by) everyone: for 5 nodes
     * [n1 n2] n3 [n4 n5]. Needs at least 3 nodes.
     */
    public static Grudge bridge(List<String> nodes) {
        if (nodes.size() < 3) {
            throw new IllegalArgumentException("a bridge needs at least 3 nodes, got " + nodes.size());
        }
        int mid = nodes.size() / 2;
        Set<String> left = new HashSet<>(nodes.subList(0, mid + 1));
        Set<String> right = new HashSet<>(nodes.subList(mid, nodes.size()));
        return complete(List.of(left, right));
    }

    /** Fisher-Yates with the given randomness. */
    public static List<String> shuffle(List<String> nodes, Rng rng) {
        List<String> l = new ArrayList<>(nodes);
        Rng r = rng;
        for (int i = l.size() - 1; i > 0; i--) {
            int j = (int) r.below(i + 1);
            r = r.next();
            String t = l.get(i);
            l.set(i, l.get(j));
            l.set(j, t);
        }
        return l;
    }
}
