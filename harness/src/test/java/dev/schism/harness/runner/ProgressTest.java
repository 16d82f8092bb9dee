package dev.schism.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress line names the last fault in a few words. */
class ProgressTest {
    @Test
    void aPartitionIsSummarisedWithoutItsCutLinks() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("grudge", "halves");
        v.put("mode", "drop");
        v.put("links", "quorum");
        v.put("leader", "n3");
        v.put("favourite", null);
        v.put("cut", Map.of("n1", List.of("n3")));
        assertEquals("grudge=halves mode=drop links=quorum leader=n3", Progress.summarize(v));
        assertEquals("healed", Progress.summarize("healed"));
        assertEquals(72, Progress.summarize("x".repeat(100)).length());
    }
}
