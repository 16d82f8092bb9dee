package dev.schism.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.gen.Gens;
import dev.schism.harness.gen.Rng;
import dev.schism.harness.gen.Simulation;
import dev.schism.results.history.Op;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NemesisPackagesTest {
    static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    @Test
    void targetsPickTheRightNumberOfNodes() {
        Rng r = Rng.seeded(9);
        assertEquals(1, Targets.resolve("one", FIVE, Optional.empty(), r).size());
        assertEquals(2, Targets.resolve("minority", FIVE, Optional.empty(), r).size());
        assertEquals(3, Targets.resolve("majority", FIVE, Optional.empty(), r).size());
        assertEquals(FIVE, Targets.resolve("all", FIVE, Optional.empty(), r));
        assertEquals(List.of("n4"), Targets.resolve("leader", FIVE, Optional.of("n4"), r));
        assertEquals(1, Targets.resolve("leader", FIVE, Optional.empty(), r).size(), "no known leader: one random node");
        assertEquals(List.of("n2"), Targets.resolve("n2", FIVE, Optional.empty(), r));
        List<String> maj = Targets.resolve("majority", FIVE, Optional.empty(), r);
        assertEquals(maj.stream().sorted().toList(), maj, "node order");
        Exception e = assertThrows(IllegalArgumentException.class, () -> Targets.resolve("half", FIVE, Optional.empty(), r));
        assertEquals("unknown target 'half' (expected one of [one, minority, majority, leader, all] or a node of [n1, n2, n3, n4, n5])", e.getMessage());
    }

    @Test
    void parseNamesAndRejectsUnknownOnes() {
        assertEquals(List.of("partition", "kill"), NemesisPackages.parse("partition, kill,partition"));
        assertEquals(List.of(), NemesisPackages.parse("none"));
        Exception e = assertThrows(IllegalArgumentException.class, () -> NemesisPackages.parse("partition,meteor"));
        assertEquals("unknown nemesis 'meteor' (known: partition, kill, pause, latency, clock, none)", e.getMessage());
    }

    @Test
    void missingCapabilityIsNamed() {
        NemesisPackages.Target t = new NemesisPackages.Target(FIVE, Optional.empty(), Optional.empty(), Optional.empty(), Optional::empty);
        Exception e = assertThrows(IllegalArgumentException.class,
                () -> NemesisPackages.build(List.of("kill"), t, NemesisPackages.Options.defaults(1)));
        assertEquals("nemesis 'kill' needs process control, which this backend does not offer", e.getMessage());
    }

    static final NetworkControl NO_NETWORK = new NetworkControl() {
        public void partition(Grudge g, PartitionMode m, java.util.Set<Channel> c) { }
        public void heal() { }
        public void latency(long ms, long j) { }
        public void clearLatency() { }
    };

    @Test
    void scheduleAlternatesFaultAndHealPerPackage() {
        NemesisPackages.Target t = new NemesisPackages.Target(FIVE, Optional.of(NO_NETWORK), Optional.empty(), Optional.empty(), Optional::empty);
        NemesisPackages.Plan plan = NemesisPackages.build(List.of("partition"), t,
                new NemesisPackages.Options(Gens.seconds(5), List.of(PartitionMode.DROP), List.of("halves", "bridge"), List.of("quorum"), 3));
        List<Op> ops = Simulation.run(Gens.nemesis(Gens.timeLimit(Gens.seconds(60), plan.generator())), 0, true, Gens.millis(10), 1000)
                .stream().filter(Op::isInvoke).toList();
        assertTrue(ops.size() >= 6 && ops.size() <= 20, "about one op per 5 s over 60 s: " + ops.size());
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            // quorum-only cuts: start, widen, stop; again and again
            assertEquals(List.of("start-partition", "widen-partition", "stop-partition").get(i % 3), op.f(), op.toString());
            if (i % 3 == 0) {
                assertEquals("drop", ((Map<?, ?>) op.value()).get("mode"));
                assertEquals("quorum", ((Map<?, ?>) op.value()).get("links"));
            }
            if (i % 3 == 1) {
                long held = op.time() - ops.get(i - 1).time();
                assertTrue(held >= Gens.seconds(5), "a quorum-only cut holds an interval before it widens: " + held + " ns");
            }
        }
        assertEquals(List.of("stop-partition"), plan.healOps().stream().map(Op::f).toList());
        assertTrue(ops.stream().anyMatch(o -> o.f().equals("stop-partition")), "partitions heal");
    }

    @Test
    void partitionsOfEveryChannelAreNeverWidened() {
        NemesisPackages.Target t = new NemesisPackages.Target(FIVE, Optional.of(NO_NETWORK), Optional.empty(), Optional.empty(), Optional::empty);
        NemesisPackages.Plan plan = NemesisPackages.build(List.of("partition"), t,
                new NemesisPackages.Options(Gens.seconds(5), List.of(PartitionMode.DROP), PartitionNemesis.GRUDGES, List.of("all"), 3));
        List<Op> ops = Simulation.run(Gens.nemesis(Gens.timeLimit(Gens.seconds(600), plan.generator())), 0, true, Gens.millis(10), 10_000)
                .stream().filter(Op::isInvoke).toList();
        for (int i = 0; i < ops.size(); i++) {
            assertEquals(i % 2 == 0 ? "start-partition" : "stop-partition", ops.get(i).f(), ops.get(i).toString());
        }
    }

    @Test
    void majorityKeepingGrudgesCutEveryChannel() {
        NemesisPackages.Target t = new NemesisPackages.Target(FIVE, Optional.of(NO_NETWORK), Optional.empty(), Optional.empty(), Optional::empty);
        NemesisPackages.Plan plan = NemesisPackages.build(List.of("partition"), t, NemesisPackages.Options.defaults(5));
        List<Map<?, ?>> starts = Simulation.run(Gens.nemesis(Gens.timeLimit(Gens.seconds(3600), plan.generator())), 0, true, Gens.millis(10), 100_000)
                .stream().filter(o -> o.isInvoke() && o.f().equals("start-partition")).<Map<?, ?>>map(o -> (Map<?, ?>) o.value()).toList();
        assertTrue(starts.size() > 200, "an hour of partitions: " + starts.size());
        for (Map<?, ?> v : starts) {
            if (PartitionNemesis.KEEPS_MAJORITIES.contains(v.get("grudge"))) {
                assertEquals("all", v.get("links"), v.toString());
            }
        }
        long quorum = starts.stream().filter(v -> v.get("links").equals("quorum")).count();
        assertTrue(quorum > starts.size() * 0.4 && quorum < starts.size() * 0.6, "half the cuts are quorum-only: " + quorum + " of " + starts.size());
        assertTrue(starts.stream().noneMatch(v -> v.get("links").equals("election")), "election-only cuts are opt-in");
        Exception e = assertThrows(IllegalArgumentException.class, () -> NemesisPackages.build(List.of("partition"), t,
                new NemesisPackages.Options(Gens.seconds(5), List.of(PartitionMode.DROP), List.of("bridge"), List.of("quorum"), 1)));
        assertTrue(e.getMessage().startsWith("no partition to draw: grudges [bridge] each leave every node a majority"), e.getMessage());
    }
}
