package dev.schism.harness.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.replay.RecordedNemesis;
import dev.schism.node.sim.Noise;
import dev.schism.node.sim.SimCluster;
import dev.schism.results.history.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link RecordedNemesis} over a real target, the simulator's: recorded values are performed as recorded (the
 * cut, the nodes, the clock offsets), whoever leads now, and untargeted ops go to the test's own nemesis.
 */
class RecordedNemesisTest {

    private static void run(SimCluster c, int ticks) {
        for (int i = 0; i < ticks; i++) {
            c.step();
        }
    }

    private static Op op(String f, Object value) {
        return Op.invoke(Op.NEMESIS, f, value);
    }

    @Test
    void recordedTargetsAreHitAsRecorded() {
        SimCluster cluster = new SimCluster(4, 3, null, Noise.NONE);
        SimTarget sim = new SimTarget(cluster);
        NemesisPackages.Target target = sim.target();
        NemesisPackages.Plan plan = NemesisPackages.build(List.of("partition", "kill", "pause", "clock"), target,
                NemesisPackages.Options.defaults(4));
        RecordedNemesis n = new RecordedNemesis(target, plan.nemesis());
        run(cluster, 80);
        long leader = cluster.leader();
        assertNotEquals(0, leader, "a leader within 8 simulated s");

        // The leader of the original run is named in the value, but the cut is what counts.
        String lead = "n" + leader;
        Map<String, List<String>> cut = new LinkedHashMap<>();
        for (String other : sim.nodes()) {
            if (!other.equals(lead)) {
                cut.put(lead, sim.nodes().stream().filter(x -> !x.equals(lead)).toList());
                cut.put(other, List.of(lead));
            }
        }
        Map<String, Object> v = new LinkedHashMap<>(Map.of("grudge", "isolate", "mode", "drop", "links", "all", "leader", "n9", "cut", cut));
        Op done = n.invoke(op("start-partition", v));
        assertNull(done.error(), done.toString());
        assertTrue(!((Map<?, ?>) done.value()).containsKey("leader"), "what this run observed is not claimed: " + done);
        run(cluster, 150);
        assertNotEquals(leader, cluster.leader(), "the isolated leader was replaced");
        assertEquals("no partition to widen", n.invoke(op("widen-partition", "no partition to widen")).value());
        assertEquals("healed", n.invoke(op("stop-partition", null)).value(), "untargeted ops go to the test's nemesis");

        assertEquals(List.of("n2"), n.invoke(op("kill", List.of("n2"))).value());
        assertEquals(Set.of("n1", "n3"), sim.running());
        assertEquals(List.of(), n.invoke(op("kill", List.of("n2"))).value(), "a dead node is not killed twice");
        assertEquals(List.of("n3"), n.invoke(op("pause", List.of("n3"))).value());
        assertEquals(Set.of("n3"), sim.paused());
        assertEquals(List.of("n3"), n.invoke(op("resume", null)).value());
        assertEquals(List.of("n2"), n.invoke(op("start", null)).value());

        n.invoke(op("clock-bump", Map.of("n1", 5000)));
        n.invoke(op("clock-skew", Map.of("n1", -2000, "n2", 300)));
        assertEquals(-2000, sim.offset("n1"), "offsets are set to the recorded ones, not added to");
        assertEquals(300, sim.offset("n2"));
        n.invoke(op("clock-reset", null));
        assertEquals(0, sim.offset("n1"));
    }
}
