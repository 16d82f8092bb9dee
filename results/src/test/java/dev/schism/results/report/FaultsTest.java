package dev.schism.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault bands end at what undid them; outages last from kill to restart, pause to resume. */
class FaultsTest {
    private static Map<String, Object> line(long start, String f, Object value) {
        return Map.of("start", start, "end", start + 10, "f", f, "value", value);
    }

    @Test
    void bandsEndAtTheirHealOrTheNextFaultOfTheirFamily() {
        List<Map<String, Object>> lines = List.of(
                line(100, "start-partition", Map.of("grudge", "halves", "mode", "drop", "links", "quorum",
                        "cut", Map.of("n1", List.of("n2"), "n2", List.of()))),
                line(200, "kill", List.of("n3")),
                line(300, "widen-partition", Map.of("from", "quorum", "links", "all")),
                line(400, "stop-partition", "healed"),
                line(500, "start", List.of("n3")),
                line(600, "pause", List.of("n4")),
                line(700, "mystery", "x"));
        List<FaultBand> bands = Faults.bands(lines, 1000);
        assertEquals(List.of("start-partition 100..310", "kill 200..510", "widen-partition 300..410", "pause 600..1000", "mystery 700..710"),
                bands.stream().map(b -> b.f() + " " + b.startNs() + ".." + b.endNs()).toList());
        assertEquals(List.of(1, 2, 3, 6, 7), bands.stream().map(FaultBand::seq).toList(), "seq is the journal line");
        assertEquals("partition halves drop quorum", bands.get(0).label());
        assertEquals("n1 cannot hear n2", bands.get(0).detail());
        assertEquals(List.of("n1"), bands.get(0).hit());
        assertEquals("kill n3", bands.get(1).label());
        assertEquals(List.of("n3 killed 200..510", "n4 paused 600..1000"),
                Faults.outages(lines, 1000).stream().map(o -> o.node() + " " + o.kind() + " " + o.startNs() + ".." + o.endNs()).toList());
    }
}
