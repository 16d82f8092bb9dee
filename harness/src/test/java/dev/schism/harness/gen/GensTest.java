package dev.schism.harness.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Exact schedules against the fake clock of {@link Simulation}. Rendering: {@code time:process:type:f:value}. */
class GensTest {

    private static List<String> render(List<Op> ops) {
        return ops.stream().map(o -> o.time() + ":" + (o.isNemesis() ? "nem" : "p" + o.process()) + ":" + o.type().wire()
                + ":" + o.f() + ":" + o.value()).collect(Collectors.toList());
    }

    private static List<String> invokes(List<Op> ops) {
        return render(ops.stream().filter(Op::isInvoke).toList());
    }

    @Test
    void onceAndLimitAndRoundRobinThreads() {
        List<Op> h = Simulation.run(Gens.limit(4, Gens.numbered("w", n -> n)), 2, false, 10, 100);
        assertEquals(List.of("0:p0:invoke:w:0", "0:p1:invoke:w:1", "10:p0:ok:w:0", "10:p1:ok:w:1",
                "10:p0:invoke:w:2", "10:p1:invoke:w:3", "20:p0:ok:w:2", "20:p1:ok:w:3"), render(h));
        assertEquals(List.of("0:p0:invoke:r:null", "5:p0:ok:r:null"),
                render(Simulation.run(Gens.once("r", null), 3, false, 5, 100)));
    }

    @Test
    void delaySpacesOpsExactlyAndTimeLimitStopsAtTheDeadline() {
        Generator g = Gens.timeLimit(100, Gens.delay(30, Gens.numbered("w", n -> n)));
        assertEquals(List.of("0:p0:invoke:w:0", "30:p1:invoke:w:1", "60:p0:invoke:w:2", "90:p1:invoke:w:3"),
                invokes(Simulation.run(g, 2, false, 1, 100)));
    }

    @Test
    void staggerIsRandomButBoundedAndReplayable() {
        Generator g = Gens.timeLimit(10_000, Gens.stagger(100, Gens.numbered("w", n -> n), 42));
        List<Op> a = Simulation.run(g, 4, false, 1, 10_000);
        List<Op> b = Simulation.run(g, 4, false, 1, 10_000);
        assertEquals(render(a), render(b), "same seed, same schedule");
        List<Long> times = a.stream().filter(Op::isInvoke).map(Op::time).toList();
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= 0 && gap < 200, "gap " + gap);
        }
        // mean 100 ns over 10 us: about 100 ops
        assertTrue(times.size() > 70 && times.size() < 130, "ops " + times.size());
        List<Op> c = Simulation.run(Gens.timeLimit(10_000, Gens.stagger(100, Gens.numbered("w", n -> n), 43)), 4, false, 1, 10_000);
        assertTrue(!render(a).equals(render(c)), "another seed, another schedule");
    }

    @Test
    void mixDrawsFromEveryGeneratorAndDropsExhaustedOnes() {
        Generator g = Gens.mix(7, Gens.limit(3, Gens.repeat("a", 1L)), Gens.limit(3, Gens.repeat("b", 2L)));
        List<String> fs = Simulation.run(g, 1, false, 1, 100).stream().filter(Op::isInvoke).map(Op::f).toList();
        assertEquals(6, fs.size());
        assertEquals(3, fs.stream().filter("a"::equals).count());
        assertEquals(3, fs.stream().filter("b"::equals).count());
        assertEquals(fs, Simulation.run(g, 1, false, 1, 100).stream().filter(Op::isInvoke).map(Op::f).toList());
    }

    @Test
    void episodesRunWholeAndGroupsTakeTurns() {
        Generator ab = Gens.phases(Gens.once("a", 0L), Gens.once("b", 0L));
        Generator c = Gens.once("c", 0L);
        Generator d = Gens.once("d", 0L);
        // One group holds the two-op episode, the other two one-op episodes: every other episode is a-b.
        Generator g = Gens.timeLimit(4000, Gens.episodes(5, List.of(List.of(ab), List.of(c, d))));
        List<String> fs = Simulation.run(g, 1, false, 1, 10_000).stream().filter(Op::isInvoke).map(Op::f).toList();
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).equals("a") && i + 1 < fs.size()) {
                assertEquals("b", fs.get(i + 1), "an episode is never interrupted: " + fs);
            }
            if (fs.get(i).equals("b")) {
                assertEquals("a", fs.get(i - 1), fs.toString());
            }
        }
        List<String> starts = fs.stream().filter(f -> !f.equals("b")).toList();
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i).equals("a") != starts.get(i - 1).equals("a"), "the groups take turns: " + starts);
        }
        assertTrue(fs.contains("c") && fs.contains("d"), fs.toString());
        assertEquals(fs, Simulation.run(g, 1, false, 1, 10_000).stream().filter(Op::isInvoke).map(Op::f).toList(), "replayable");
        Exception e = assertThrows(IllegalArgumentException.class, () -> Gens.episodes(1, List.of(List.of())));
        assertTrue(e.getMessage().startsWith("episodes need at least one group"), e.getMessage());
    }

    @Test
    void phasesWaitForAllThreadsBetweenPhases() {
        Generator g = Gens.phases(Gens.limit(3, Gens.repeat("a", 0L)), Gens.once("b", 0L));
        // Thread 0 finishes a at 10 and starts the third a; b waits until that one is done at 20, then goes to the next thread in turn.
        assertEquals(List.of("0:p0:invoke:a:0", "0:p1:invoke:a:0", "10:p0:ok:a:0", "10:p1:ok:a:0",
                "10:p0:invoke:a:0", "20:p0:ok:a:0", "20:p1:invoke:b:0", "30:p1:ok:b:0"),
                render(Simulation.run(g, 2, false, 10, 100)));
    }

    @Test
    void flipFlopAlternates() {
        Generator g = Gens.flipFlop(Gens.repeat("start", 0L), Gens.limit(2, Gens.repeat("stop", 0L)));
        assertEquals(List.of("0:p0:invoke:start:0", "1:p0:invoke:stop:0", "2:p0:invoke:start:0", "3:p0:invoke:stop:0",
                "4:p0:invoke:start:0"), invokes(Simulation.run(g, 1, false, 1, 100)));
    }

    @Test
    void cycleTimesSwitchesByTimeAndKeepsEachGeneratorsState() {
        Generator g = Gens.timeLimit(100, Gens.cycleTimes(
                30L, Gens.delay(10, Gens.numbered("a", n -> n)),
                20L, Gens.delay(10, Gens.numbered("b", n -> n))));
        assertEquals(List.of("0:p0:invoke:a:0", "10:p0:invoke:a:1", "20:p0:invoke:a:2",
                "30:p0:invoke:b:0", "40:p0:invoke:b:1",
                "50:p0:invoke:a:3", "60:p0:invoke:a:4", "70:p0:invoke:a:5",
                "80:p0:invoke:b:2", "90:p0:invoke:b:3"), invokes(Simulation.run(g, 1, false, 1, 100)));
    }

    @Test
    void reserveGivesThreadRangesTheirOwnGenerators() {
        Generator g = Gens.limit(6, Gens.reserve(1, Gens.repeat("read", 0L), Gens.repeat("write", 0L)));
        assertEquals(List.of("0:p0:invoke:read:0", "0:p1:invoke:write:0", "0:p2:invoke:write:0",
                "5:p0:invoke:read:0", "5:p1:invoke:write:0", "5:p2:invoke:write:0"),
                invokes(Simulation.run(g, 3, false, 5, 100)));
    }

    @Test
    void untilOkRetriesUntilASuccessAndFailedOpsMoveInfoProcessesOn() {
        int[] calls = {0};
        List<Op> h = Simulation.run(Gens.untilOk(Gens.repeat("acquire", 0L)), 1, false, op -> {
            calls[0]++;
            OpType t = calls[0] == 1 ? OpType.FAIL : calls[0] == 2 ? OpType.INFO : OpType.OK;
            return new Simulation.Outcome(t, op.value(), 5);
        }, 100);
        assertEquals(List.of("0:p0:invoke:acquire:0", "5:p0:fail:acquire:0", "5:p0:invoke:acquire:0",
                "10:p0:info:acquire:0", "10:p1:invoke:acquire:0", "15:p1:ok:acquire:0"), render(h));
    }

    @Test
    void eachThreadRunsACopyPerThread() {
        Generator g = Gens.eachThread(Gens.limit(2, Gens.numbered("w", n -> n)));
        assertEquals(List.of("0:p0:invoke:w:0", "0:p1:invoke:w:0", "3:p0:invoke:w:1", "3:p1:invoke:w:1"),
                invokes(Simulation.run(g, 2, false, 3, 100)));
    }

    @Test
    void clientsAndNemesisRunSideBySide() {
        Generator g = Gens.timeLimit(50, Gens.clientsAndNemesis(
                Gens.delay(10, Gens.numbered("w", n -> n)),
                Gens.delay(20, Gens.flipFlop(Gens.repeat("start-partition", "halves"), Gens.repeat("stop-partition", null)))));
        // Ties go to the first generator: the client op at 20 before the nemesis op at 20.
        assertEquals(List.of("0:p0:invoke:w:0", "0:nem:invoke:start-partition:halves", "10:p0:invoke:w:1",
                "20:p0:invoke:w:2", "20:nem:invoke:stop-partition:null", "30:p0:invoke:w:3",
                "40:p0:invoke:w:4", "40:nem:invoke:start-partition:halves"),
                invokes(Simulation.run(g, 1, true, 1, 100)));
    }

    @Test
    void sleepThenOps() {
        assertEquals(List.of("25:p0:invoke:w:null"),
                invokes(Simulation.run(Gens.phases(Gens.sleep(25), Gens.once("w", null)), 1, false, 1, 100)));
    }

    @Test
    void badArgumentsAreNamed() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> Gens.cycleTimes(0L, Gens.once("a", null)));
        assertEquals("cycleTimes: duration 1 must be > 0, got 0", e.getMessage());
    }

    @Test
    void generatorsAreImmutableValues() {
        Generator g = Gens.limit(2, Gens.numbered("w", n -> n));
        Context ctx = Context.start(1, false);
        Step a = g.next(ctx);
        Step b = g.next(ctx);
        assertEquals(a.toString(), b.toString());
        assertEquals("emit w 0 p0 at 0", a.toString());
    }
}
