package dev.schism.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.gen.Rng;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrudgesTest {
    static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void halvesCutsBothDirections() {
        Grudge g = Grudges.halves(FIVE);
        assertEquals("grudge{n1 x[n3 n4 n5], n2 x[n3 n4 n5], n3 x[n1 n2], n4 x[n1 n2], n5 x[n1 n2]}", g.toString());
        assertEquals(12, g.links().size());
        assertTrue(g.hears("n1", "n2"));
        assertTrue(!g.hears("n1", "n3") && !g.hears("n3", "n1"));
    }

    @Test
    void isolateOne() {
        assertEquals("grudge{n1 x[n3], n2 x[n3], n3 x[n1 n2]}", Grudges.isolate(List.of("n1", "n2", "n3"), "n3").toString());
        Exception e = assertThrows(IllegalArgumentException.class, () -> Grudges.isolate(FIVE, "n9"));
        assertEquals("cannot isolate n9: not one of [n1, n2, n3, n4, n5]", e.getMessage());
    }

    @Test
    void bridgeNodeHearsBothSides() {
        Grudge g = Grudges.bridge(FIVE);
        assertEquals("grudge{n1 x[n4 n5], n2 x[n4 n5], n4 x[n1 n2], n5 x[n1 n2]}", g.toString());
        assertTrue(FIVE.stream().allMatch(n -> g.hears("n3", n) && g.hears(n, "n3")));
    }

    @Test
    void majoritiesRingGivesEveryNodeADifferentMajority() {
        for (long seed = 0; seed < 20; seed++) {
            Grudge g = Grudges.majoritiesRing(FIVE, Rng.seeded(seed));
            Set<Set<String>> seen = new HashSet<>();
            for (String n : FIVE) {
                Set<String> hears = new HashSet<>();
                for (String m : FIVE) {
                    if (g.hears(n, m)) {
                        hears.add(m);
                    }
                }
                assertEquals(3, hears.size(), g.toString());
                assertTrue(hears.contains(n));
                assertTrue(seen.add(hears), "two nodes hear the same majority in " + g);
            }
            // symmetric on a ring
            for (Grudge.Link l : g.links()) {
                assertTrue(!g.hears(l.from(), l.to()), g.toString());
            }
        }
    }

    @Test
    void randomHalvesAreSeededPermutations() {
        Grudge a = Grudges.randomHalves(FIVE, Rng.seeded(1));
        assertEquals(a, Grudges.randomHalves(FIVE, Rng.seeded(1)));
        Set<Grudge> distinct = new HashSet<>();
        for (long s = 0; s < 30; s++) {
            Grudge g = Grudges.randomHalves(FIVE, Rng.seeded(s));
            assertEquals(12, g.links().size());
            distinct.add(g);
        }
        assertTrue(distinct.size() > 3, "random halves should vary with the seed: " + distinct.size());
        List<String> shuffled = Grudges.shuffle(FIVE, Rng.seeded(3));
        assertEquals(FIVE, shuffled.stream().sorted().toList(), "a permutation");
        assertNotEquals(FIVE, shuffled);
    }

    @Test
    void bridgeNeedsThreeNodes() {
        assertThrows(IllegalArgumentException.class, () -> Grudges.bridge(List.of("n1", "n2")));
    }
}
