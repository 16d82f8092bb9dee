package dev.schism.harness.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The partition op's value reaches the network as grudge, mode and channels, and is recorded in the completion. */
class PartitionNemesisTest {
    static final List<String> FIVE = List.of("n1", "n2", "n3", "n4", "n5");

    /** Records what the nemesis asked of the network. */
    static final class Recording implements NetworkControl {
        final List<String> calls = new ArrayList<>();

        @Override
        public void partition(Grudge g, PartitionMode m, Set<Channel> c) {
            calls.add("partition " + m.wire() + " " + Channel.wire(c) + " " + g);
        }

        @Override
        public void heal() {
            calls.add("heal");
        }

        @Override
        public void latency(long ms, long j) {
        }

        @Override
        public void clearLatency() {
        }
    }

    private static Op start(String grudge, String mode, String links) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("grudge", grudge);
        v.put("mode", mode);
        if (links != null) {
            v.put("links", links);
        }
        return Op.invoke(Op.NEMESIS, "start-partition", v);
    }

    @Test
    void aQuorumOnlyIsolationOfTheLeaderCutsOnlyTheQuorumChannel() {
        Recording net = new Recording();
        PartitionNemesis n = new PartitionNemesis(net, () -> Optional.of("n3"), FIVE, 1);
        Op done = n.invoke(start("isolate", "stall", "quorum"));
        assertEquals(List.of("partition stall quorum " + Grudges.isolate(FIVE, "n3")), net.calls);
        Map<?, ?> v = (Map<?, ?>) done.value();
        assertEquals("quorum", v.get("links"));
        assertEquals("n3", v.get("leader"));
        assertEquals(null, done.error(), done.toString());
        n.invoke(Op.invoke(Op.NEMESIS, "stop-partition", null));
        assertEquals("heal", net.calls.get(1));
    }

    @Test
    void wideningKeepsTheGrudgeAndModeAndCutsEveryChannel() {
        Recording net = new Recording();
        PartitionNemesis n = new PartitionNemesis(net, () -> Optional.of("n3"), FIVE, 1);
        Op widen = Op.invoke(Op.NEMESIS, "widen-partition", null);
        assertEquals("no partition to widen", n.invoke(widen).value());
        n.invoke(start("isolate", "refuse", "quorum"));
        Op done = n.invoke(widen);
        assertEquals(null, done.error(), done.toString());
        assertEquals("quorum", ((Map<?, ?>) done.value()).get("from"));
        assertEquals(List.of("partition refuse quorum " + Grudges.isolate(FIVE, "n3"), "partition refuse all " + Grudges.isolate(FIVE, "n3")),
                net.calls);
        assertEquals("already cuts every channel", n.invoke(widen).value());
        n.invoke(Op.invoke(Op.NEMESIS, "stop-partition", null));
        assertEquals("no partition to widen", n.invoke(widen).value());
        assertEquals(3, net.calls.size(), "nothing cut after the heal: " + net.calls);
    }

    @Test
    void linksDefaultToEveryChannel() {
        Recording net = new Recording();
        new PartitionNemesis(net, Optional::empty, FIVE, 1).invoke(start("halves", "drop", null));
        assertEquals(List.of("partition drop all " + Grudges.halves(FIVE)), net.calls);
    }

    @Test
    void anUnknownChannelFailsTheOpAndNamesTheChoices() {
        Recording net = new Recording();
        Op done = new PartitionNemesis(net, Optional::empty, FIVE, 1).invoke(start("halves", "drop", "data"));
        assertEquals(List.of(), net.calls);
        assertEquals("unknown link channel 'data' (expected all or one of [quorum, election])", done.error(), done.toString());
        Exception e = assertThrows(IllegalArgumentException.class, () -> Channel.parse("data"));
        assertEquals("unknown link channel 'data' (expected all or one of [quorum, election])", e.getMessage());
        assertEquals(EnumSet.allOf(Channel.class), Channel.parse("ALL"));
        assertEquals("election", Channel.wire(Channel.parse("election")));
    }
}
