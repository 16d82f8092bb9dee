package dev.schism.node.sim;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seed is a complete bug report only if it replays the identical run: every event, byte for byte. */
class ReplayTest {

    private static Simulation sim(long seed, String bug, FaultSchedule schedule) {
        SimOptions options = SimOptions.voters(5, bug);
        FaultSchedule s = schedule != null ? schedule
                : FaultSchedule.generate(seed, options.servers(), FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT);
        return new Simulation(seed, options, s, true);
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameSeedReplaysTheIdenticalTrace() throws Exception {
        for (long seed : new long[] {1, 7, 42}) {
            Simulation a = sim(seed, null, null);
            Simulation b = sim(seed, null, null);
            Outcome oa = a.play();
            Outcome ob = b.play();
            assertTrue(a.fullTrace().lines().count() > 500, "a real run has hundreds of events");
            assertArrayEquals(sha256(a.fullTrace()), sha256(b.fullTrace()), "seed " + seed + " diverged");
            assertEquals(a.fullTrace(), b.fullTrace());
            assertEquals(oa, ob);
        }
    }

    @Test
    void aFailingSeedReplaysItsFailureExactly() {
        Outcome first = null;
        for (long seed = 1; first == null && seed < 300; seed++) {
            Outcome o = sim(seed, "establish-without-quorum", null).play();
            if (o.verdict() == Outcome.Verdict.UNSAFE) {
                first = o;
            }
        }
        assertTrue(first != null, "the seeded split brain was found in 300 seeds");
        Simulation again = sim(first.seed(), "establish-without-quorum", null);
        assertEquals(first, again.play());
        assertTrue(again.fullTrace().endsWith("UNSAFE " + first.evidence() + "\n"), again.lastEvents());
    }

    @Test
    void differentSeedsOrSchedulesGiveDifferentTraces() {
        assertNotEquals(sim(1, null, null).play().traceHash(), sim(2, null, null).play().traceHash());
        FaultSchedule s = FaultSchedule.generate(1, 5, FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT);
        FaultSchedule fewer = s.withFaults(s.faults().subList(1, s.faults().size()));
        assertNotEquals(sim(1, null, s).play().traceHash(), sim(1, null, fewer).play().traceHash());
    }

    @Test
    void aScheduleWrittenAsTextReplaysTheSameRun() {
        FaultSchedule s = FaultSchedule.generate(9, 5, FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT);
        String text = ScheduleText.format(s);
        FaultSchedule parsed = ScheduleText.parse(text, 5);
        assertEquals(s, parsed);
        assertEquals(sim(9, null, null).play(), sim(9, null, parsed).play());
    }

    @Test
    void aBadScheduleIsNamedInOneLine() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScheduleText.parse("ticks=50,drop=0,dup=0,delay=0,midcrash=0,pause=0,batch=0;3:crash:9", 5));
        assertEquals("--schedule: item 1 '3:crash:9': server 9 is not one of 1..5", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScheduleText.parse("ticks=50;3:crash:1", 5));
        assertEquals("--schedule: missing drop=", e.getMessage());
    }
}
