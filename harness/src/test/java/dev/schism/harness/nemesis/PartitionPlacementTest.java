package dev.schism.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.gen.Rng;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Partitions are placed against the leader when it is known. */
class PartitionPlacementTest {
    static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    private static long heard(Grudge g, String node) {
        return FIVE.stream().filter(m -> g.hears(node, m)).count();
    }

    @Test
    void theLeaderEndsUpWithoutAMajority() {
        for (long seed = 0; seed < 20; seed++) {
            for (String leader : FIVE) {
                Rng r = Rng.seeded(seed);
                for (String kind : List.of("halves", "random-halves", "isolate")) {
                    Grudge g = PartitionNemesis.place(kind, FIVE, Optional.of(leader), r);
                    assertTrue(heard(g, leader) < 3, kind + " leaves " + leader + " a majority: " + g);
                }
                Grudge b = PartitionNemesis.place("bridge", FIVE, Optional.of(leader), r);
                assertEquals(3, heard(b, leader), "bridge: the leader is on a side, not the bridge: " + b);
            }
        }
    }

    @Test
    void theElectionFavouriteJoinsTheLeaderOnTheSmallerSide() {
        for (long seed = 0; seed < 20; seed++) {
            Rng r = Rng.seeded(seed);
            for (String kind : List.of("halves", "random-halves")) {
                Grudge g = PartitionNemesis.place(kind, FIVE, List.of("n2", "n5"), r);
                assertTrue(heard(g, "n2") < 3 && heard(g, "n5") < 3, kind + ": " + g);
                assertTrue(g.hears("n2", "n5") && g.hears("n5", "n2"), kind + " keeps them together: " + g);
            }
            assertEquals(Grudges.isolate(FIVE, "n2"), PartitionNemesis.place("isolate", FIVE, List.of("n2", "n5"), r));
            Grudge b = PartitionNemesis.place("bridge", FIVE, List.of("n2", "n5"), r);
            assertEquals(3, heard(b, "n2"), "bridge: the leader is on a side: " + b);
            assertTrue(b.hears("n2", "n5"), "bridge: the favourite is on the leader's side: " + b);
        }
        assertEquals(PartitionNemesis.place("isolate", FIVE, List.of("n4"), Rng.seeded(1)),
                PartitionNemesis.place("isolate", FIVE, List.of("n4", "n4"), Rng.seeded(1)), "a leader that is the favourite counts once");
    }

    @Test
    void withoutALeaderTheBuildersAreTheUsualOnes() {
        Rng r = Rng.seeded(4);
        assertEquals(Grudges.halves(FIVE), PartitionNemesis.place("halves", FIVE, Optional.empty(), r));
        assertEquals(1, PartitionNemesis.place("isolate", FIVE, Optional.empty(), r).cannotHear().values().stream()
                .filter(s -> s.size() == 4).count());
        assertEquals(Grudges.majoritiesRing(FIVE, r.next()), PartitionNemesis.place("majorities-ring", FIVE, Optional.of("n1"), r));
    }
}
