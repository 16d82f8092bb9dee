package dev.schism.harness.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.gen.Context;
import dev.schism.harness.gen.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultScheduleReaderTest {
    private static final Path FILE = Path.of("store/x/faults.jsonl");
    private static final String KILL = "{\"start\":5000000000,\"end\":5100000000,\"t\":1,\"f\":\"kill\",\"value\":[\"n2\"],\"error\":null}";
    private static final String PART = "{\"start\":7000000000,\"end\":7200000000,\"t\":2,\"f\":\"start-partition\",\"value\":"
            + "{\"grudge\":\"isolate\",\"mode\":\"drop\",\"links\":\"all\",\"leader\":\"n1\",\"favourite\":null,"
            + "\"cut\":{\"n1\":[\"n2\",\"n3\"],\"n2\":[\"n1\"],\"n3\":[\"n1\"]}},\"error\":null}";

    @Test
    void offsetsCountFromTheFirstOpOfTheHistory(@TempDir Path dir) throws Exception {
        Path faults = dir.resolve("faults.jsonl");
        Path history = dir.resolve("history.jsonl");
        Files.write(faults, List.of(KILL, "", PART));
        Files.write(history, List.of("{\"index\":0,\"time\":4000000000,\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":0}"));
        FaultSchedule s = FaultScheduleReader.read(faults, history);
        assertEquals(2, s.faults().size());
        assertEquals(1_000_000_000L, s.faults().get(0).offsetNanos());
        assertEquals(List.of("n2"), s.faults().get(0).value());
        assertEquals(3, s.faults().get(1).line());
        assertFalse(((Map<?, ?>) s.faults().get(1).what()).containsKey("leader"), "the observed leader is not part of what was done");
        assertEquals(1, s.mainPhase(2_000_000_000L).size(), "only ops before the time limit are re-issued");
        FaultSchedule healedAtTheLimit = FaultScheduleReader.parse(FILE, List.of(KILL,
                "{\"start\":7900000000,\"end\":7950000000,\"f\":\"stop-partition\",\"value\":\"healed\"}",
                "{\"start\":7990000000,\"end\":7995000000,\"f\":\"resume\",\"value\":[]}",
                "{\"start\":7996000000,\"end\":7999000000,\"f\":\"start\",\"value\":[]}"), 4_000_000_000L);
        assertEquals(List.of("kill"), healedAtTheLimit.mainPhase(4_000_000_000L, List.of("stop-partition", "resume", "start")).stream()
                .map(RecordedFault::f).toList(), "the final heal is the runner's, even stamped just under the limit");
        assertEquals(4, healedAtTheLimit.mainPhase(4_000_000_000L, List.of("stop-latency")).size(), "no trailing heal: the time filter alone");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"start\":1,\"end\":2,\"f\":\"kill\"                 | line 2: not valid JSON",
        "[1,2]                                                  | line 2: expected a JSON object",
        "{\"end\":2,\"f\":\"kill\"}                             | line 2: field 'start' must be a whole number of ns >= 0, got null",
        "{\"start\":\"5\",\"end\":6,\"f\":\"kill\"}             | line 2: field 'start' must be a whole number of ns >= 0, got \"5\"",
        "{\"start\":5,\"end\":4,\"f\":\"kill\"}                 | line 2: field 'end' (4) is before 'start' (5)",
        "{\"start\":5,\"end\":6,\"f\":7}                        | line 2: field 'f' must be the op's name, got 7",
        "{\"start\":5,\"end\":6,\"f\":\"kill\",\"error\":3}     | line 2: field 'error' must be a string or null, got 3",
        "{\"start\":1,\"end\":6,\"f\":\"kill\"}                 | line 2: field 'start' (1) is before the previous op's",
    })
    void aBadLineIsOneLineNamingFileLineAndField(String line, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultScheduleReader.parse(FILE, List.of("{\"start\":2,\"end\":3,\"f\":\"start\"}", line.strip()), 0));
        assertTrue(e.getMessage().startsWith(FILE + " " + expected.strip()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFalse(e.getMessage().contains("com.fasterxml") || e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void theGeneratorIssuesEachFaultAtItsOffsetFromItsFirstCall() {
        FaultSchedule s = FaultScheduleReader.parse(FILE, List.of(KILL, PART), 4_000_000_000L);
        Context ctx = Context.start(2, true).withTime(10_000);
        Step first = ScheduleGenerator.of(s.faults()).next(ctx);
        Step.Pending wait = assertInstanceOf(Step.Pending.class, first);
        assertEquals(10_000 + 1_000_000_000L, wait.wakeAt(), "anchored at the first call");
        Step.Emit kill = assertInstanceOf(Step.Emit.class, wait.next().next(ctx.withTime(10_000 + 1_000_000_000L)));
        assertEquals("kill", kill.op().f());
        assertEquals(List.of("n2"), kill.op().value());
        assertTrue(kill.op().isNemesis());
        Step.Pending next = assertInstanceOf(Step.Pending.class, kill.next().next(ctx.withTime(2_000_000_000L)));
        assertEquals(10_000 + 3_000_000_000L, next.wakeAt());
        Step late = next.next().next(ctx.withTime(9_000_000_000L));
        assertEquals(9_000_000_000L, assertInstanceOf(Step.Emit.class, late).time(), "a fault whose time passed goes out at once");
        assertEquals(Step.EXHAUSTED, ((Step.Emit) late).next().next(ctx.withTime(9_000_000_001L)));
    }

    @Test
    void aMatchNamesTheFirstDifferenceAndTheLargestDrift() {
        RecordedFault kill = new RecordedFault(1, 1_000_000_000L, "kill", List.of("n2"), null);
        RecordedFault start = new RecordedFault(2, 3_000_000_000L, "start", List.of("n2"), null);
        ScheduleMatch same = ScheduleMatch.of(List.of(kill, start),
                List.of(new RecordedFault(1, 1_250_000_000L, "kill", List.of("n2"), null), new RecordedFault(2, 2_900_000_000L, "start", List.of("n2"), null)));
        assertTrue(same.sameOps());
        assertEquals(250_000_000L, same.maxDriftNanos());
        assertTrue(same.lines().get(0).contains("the same ops in the same order; max drift 0.250 s"), same.lines().get(0));
        ScheduleMatch other = ScheduleMatch.of(List.of(kill, start), List.of(new RecordedFault(1, 1_000_000_000L, "kill", List.of("n3"), null)));
        assertFalse(other.sameOps());
        assertEquals(0, other.firstMismatch());
        assertEquals(3, other.lines().size());
    }

    private static <T> T assertInstanceOf(Class<T> c, Object o) {
        assertTrue(c.isInstance(o), "expected " + c.getSimpleName() + ", got " + o);
        return c.cast(o);
    }
}
