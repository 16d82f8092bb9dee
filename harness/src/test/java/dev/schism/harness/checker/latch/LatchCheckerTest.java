package dev.schism.harness.checker.latch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The latch checker on hand-written histories: times in ms, each report one invoke/ok pair. */
class LatchCheckerTest {
    /** 2 s sessions, 200 ms ticks, syncLimit 5, leadership dropped at disconnect, 500 ms slack: bound 500 ms. */
    private static final OverlapBound BOUND = new OverlapBound(2000, 200, 5, OverlapBound.Policy.DISCONNECT, 500);
    private static final LatchChecker CHECKER = new LatchChecker(Map.of("curator", BOUND, "recipe", BOUND));

    private final List<Op> ops = new ArrayList<>();

    /** Client {@code c} of election {@code e} reports at {@code ms} a belief it formed {@code lagMs} earlier. */
    private LatchCheckerTest report(String e, String c, long ms, boolean leader, boolean changed, long lagMs) {
        int process = Math.abs(c.hashCode() % 100);
        ops.add(new Op(ops.size(), ms * 1_000_000 - 1, process, OpType.INVOKE, LatchReport.F, null, null, null));
        ops.add(new Op(ops.size(), ms * 1_000_000, process, OpType.OK, LatchReport.F,
                LatchReport.value(c, e, leader, changed, lagMs * 1_000_000), null, null));
        return this;
    }

    private LatchCheckerTest fault(long ms, String f) {
        ops.add(new Op(ops.size(), ms * 1_000_000, Op.NEMESIS, OpType.INFO, f, "halves", null, null));
        return this;
    }

    private CheckResult check() {
        return CHECKER.check(new History(ops));
    }

    @Test
    void theBoundFollowsFromSessionTimeoutAndPolicy() {
        assertEquals(1333, BOUND.detectionMs());
        assertEquals(500, BOUND.boundMs());
        OverlapBound lost = new OverlapBound(2000, 200, 5, OverlapBound.Policy.SESSION_LOST, 500);
        assertEquals(3333, lost.detectionMs());
        assertEquals(1833, lost.boundMs());
        assertEquals(700, new OverlapBound(1000, 200, 5, OverlapBound.Policy.DISCONNECT, 500).boundMs(),
                "a server that holds its clients for syncLimit+1 ticks past a 1 s session leaves 200 ms");
    }

    @Test
    void handOverWithoutOverlapIsValid() {
        report("curator", "curator@n1", 1000, true, true, 0).report("curator", "curator@n2", 1000, false, false, 0)
                .report("curator", "curator@n1", 5000, false, true, 0).report("curator", "curator@n2", 5200, true, true, 0)
                .report("curator", "curator@n2", 9000, true, false, 0);
        CheckResult r = check();
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
        assertEquals("curator: 2 terms, longest overlap none (bound 500 ms)", r.summary());
    }

    @Test
    void overlapWithinTheBoundIsValidAndReported() {
        report("curator", "curator@n1", 1000, true, true, 0).report("curator", "curator@n2", 4800, true, true, 0)
                .report("curator", "curator@n1", 5000, false, true, 0).report("curator", "curator@n2", 6000, true, false, 0);
        CheckResult r = check();
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
        assertEquals("curator: 2 terms, longest overlap 200 ms (bound 500 ms)", r.summary());
        assertEquals(200L, ((Map<?, ?>) r.details().get("curator")).get("longest-overlap-ms"));
    }

    @Test
    void overlapBeyondTheBoundIsInvalidNamingBothClientsAndTheFault() {
        report("recipe", "recipe@n1", 1000, true, true, 0).fault(3000, "start-partition")
                .report("recipe", "recipe@n4", 5200, true, true, 0)
                // n1 learns it lost at 9.0 s but reports it only at 9.4 s: the lag puts it back at 9.0 s
                .report("recipe", "recipe@n1", 9400, false, true, 400).report("recipe", "recipe@n4", 10000, true, false, 0);
        CheckResult r = check();
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
        assertEquals("recipe: recipe@n1 and recipe@n4 both led for 3.800 s from 5.200s (bound 500 ms), 2.2 s after"
                + " start-partition halves", r.summary());
        assertEquals(3800L, ((Map<?, ?>) r.details().get("recipe")).get("longest-overlap-ms"));
    }

    @Test
    void aTermNeverGivenUpLastsUntilTheClientsLastReport() {
        report("curator", "curator@n1", 1000, true, true, 0).report("curator", "curator@n1", 3000, true, false, 0)
                .report("curator", "curator@n2", 2000, true, true, 0).report("curator", "curator@n2", 8000, true, false, 0);
        CheckResult r = check();
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
        assertTrue(r.summary().startsWith("curator: curator@n1 and curator@n2 both led for 1.000 s from 2.000s"), r.summary());
    }

    @Test
    void electionsAreJudgedApartAndTheWorstWins() {
        report("curator", "curator@n1", 1000, true, true, 0).report("recipe", "recipe@n1", 1000, true, true, 0)
                .report("curator", "curator@n1", 5000, true, false, 0).report("recipe", "recipe@n1", 5000, true, false, 0);
        assertEquals(Verdict.VALID, check().verdict(), "one leader in each election is no overlap");
        report("recipe", "recipe@n2", 6000, false, false, 0);
        report("other", "other@n1", 6000, true, true, 0);
        CheckResult r = check();
        assertEquals(Verdict.UNKNOWN, r.verdict());
        assertTrue(r.summary().contains("other: no overlap bound is known"), r.summary());
    }

    @Test
    void nothingToJudgeIsUnknownAndMalformedReportsNameTheOp() {
        assertEquals(Verdict.UNKNOWN, check().verdict());
        report("curator", "curator@n1", 1000, false, false, 0);
        CheckResult r = check();
        assertEquals(Verdict.UNKNOWN, r.verdict());
        assertEquals("curator: no client ever led, so nothing was tested", r.summary());
        ops.add(new Op(ops.size(), 2_000_000_000L, 1, OpType.OK, LatchReport.F, Map.of("candidate", "x"), null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::check);
        assertEquals("op 2: leadership report without 'election'", e.getMessage());
    }
}
