package dev.schism.node.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shrinking keeps the failure and never grows the schedule; the seeded split brain needs only a few faults. */
class ShrinkerTest {

    private static long firstFailing(String bug, SimOptions options, int seeds) {
        for (long seed = 1; seed <= seeds; seed++) {
            Simulation sim = new Simulation(seed, options, FaultSchedule.generate(seed, options.servers(),
                    FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT), false);
            if (sim.play().verdict() == Outcome.Verdict.UNSAFE) {
                return seed;
            }
        }
        return -1;
    }

    @Test
    void theSeededSplitBrainShrinksToAFewFaultsThatStillFail() {
        SimOptions options = SimOptions.voters(5, "establish-without-quorum");
        long seed = firstFailing(options.bug(), options, 300);
        assertTrue(seed > 0, "no failing seed in 300");
        FaultSchedule original = FaultSchedule.generate(seed, 5, FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT);
        Outcome before = new Simulation(seed, options, original, false).play();

        Shrinker.Result r = new Shrinker(seed, options, Shrinker.DEFAULT_BUDGET).shrink(original);
        System.out.println("shrink seed " + seed + ": " + r + "\n" + r.after().describe());

        Outcome after = new Simulation(seed, options, r.after(), false).play();
        assertEquals(Outcome.Verdict.UNSAFE, after.verdict(), "the shrunk schedule must still fail");
        assertEquals(before.kind(), after.kind(), "and fail the same check");
        assertEquals(after, r.failure());
        assertTrue(r.after().noLargerThan(original), r.toString());
        assertTrue(r.after().faultCount() <= 4, "at most a few faults: " + r.after().describe());
        assertTrue(r.after().chaosTicks() <= before.tick() + 1, r.toString());
    }

    @Test
    void aSeedThatDoesNotFailCannotBeShrunk() {
        SimOptions options = SimOptions.voters(3, null);
        FaultSchedule s = FaultSchedule.generate(1, 3, 100, Noise.DEFAULT);
        assertNotNull(assertThrows(IllegalArgumentException.class, () -> new Shrinker(1, options, 100).shrink(s)));
    }
}
