package dev.schism.harness.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** test.json round trips, including fields newer than the run folders that lack them. */
class TestSpecTest {

    private static TestSpec spec() {
        return new TestSpec("t", "set", List.of("partition"), 3, 10, 5, 20, 7, "local", Optional.empty(), Optional.empty(), 5,
                TestSpec.partitionModes("drop"), TestSpec.commaList("all"), 5);
    }

    @Test
    void theFinalReadTimeoutSurvivesTestJson() {
        TestSpec s = spec().withFinalReadSeconds(15);
        assertEquals(15.0, TestSpec.fromData(s.toData()).finalReadSeconds());
        assertEquals(s, TestSpec.fromData(s.toData()));
    }

    @Test
    void aRunStoredBeforeTheFinalReadTimeoutExistedGetsTheDefault() {
        Map<String, Object> old = new java.util.LinkedHashMap<>(spec().toData());
        old.remove("final-read-timeout");
        assertEquals(TestSpec.FINAL_READ_SECONDS, TestSpec.fromData(old).finalReadSeconds());
    }

    @Test
    void aFinalReadTimeoutOfZeroIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec().withFinalReadSeconds(0));
        assertTrue(e.getMessage().startsWith("--final-read-timeout"), e.getMessage());
    }
}
