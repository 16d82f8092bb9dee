package dev.schism.results.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
    @TempDir
    Path dir;

    @Test
    void worstVerdictWins() {
        assertEquals(Verdict.VALID, CheckResult.compose(List.of()));
        assertEquals(Verdict.UNKNOWN, Verdict.VALID.and(Verdict.UNKNOWN));
        assertEquals(Verdict.INVALID, Verdict.INVALID.and(Verdict.UNKNOWN));
        assertEquals(Verdict.INVALID, Verdict.UNKNOWN.and(Verdict.INVALID));
        assertEquals(List.of(0, 2, 1), List.of(Verdict.VALID.exitCode(), Verdict.UNKNOWN.exitCode(),
                Verdict.INVALID.exitCode()));
    }

    @Test
    void roundTrips() throws Exception {
        List<CheckResult> results = List.of(
                new CheckResult("election", Verdict.INVALID, "epoch 3 has two leaders, n1 and n4",
                        Map.of("epoch", 3, "leaders", List.of("n1", "n4"))),
                CheckResult.unknown("availability", "no events"));
        Path f = dir.resolve("results.json");
        ResultsJson.write(f, results);
        List<CheckResult> back = ResultsJson.read(f);
        assertEquals(results, back);
        assertEquals("election INVALID: epoch 3 has two leaders, n1 and n4", back.get(0).toString());
    }
}
