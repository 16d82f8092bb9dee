package dev.schism.harness.checker.linear;

import dev.schism.results.verdict.Verdict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.checker.format.HistoryFormat;
import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search on operations with explicit times, budgets, cancellation, and the Jepsen history reading. */
class LinearizabilityCheckerTest {
    private static final Model<?> REGISTER = Models.byName("register");

    /** An operation on the register model with explicit call and return times ({@code ret < 0}: open). */
    private static Operation op(long process, String f, Object in, Object out, long call, long ret) {
        Op invoke = Op.invoke(process, f, in);
        Op done = invoke.complete(OpType.OK, out);
        return Operation.of(process, REGISTER.input(invoke), call,
                ret < 0 ? REGISTER.unknownOutput(invoke) : REGISTER.output(invoke, done),
                ret < 0 ? Operation.OPEN : ret);
    }

    private static Verdict check(Operation... ops) {
        return LinearizabilityChecker.check(REGISTER, List.of(ops), CheckOptions.DEFAULT).verdict();
    }

    @Test
    void porcupineReadmeRegisterExamples() {
        // A write of 100 overlaps a read of 100 and a read of the initial value (nil here): linearizable.
        assertEquals(Verdict.VALID, check(
                op(0, "write", 100L, null, 0, 100),
                op(1, "read", null, 100L, 25, 75),
                op(2, "read", null, null, 30, 60)));
        // The read of the initial value starts after a read of 200 completed: not linearizable.
        assertEquals(Verdict.INVALID, check(
                op(0, "write", 200L, null, 0, 100),
                op(1, "read", null, 200L, 10, 30),
                op(2, "read", null, null, 40, 90)));
    }

    @Test
    void zeroLengthOperations() {
        assertEquals(Verdict.VALID, check(
                op(0, "write", 1L, null, 0, 0),
                op(1, "read", null, 1L, 1, 1)));
        assertEquals(Verdict.INVALID, check(
                op(0, "write", 1L, null, 1, 1),
                op(1, "read", null, 1L, 0, 0)));
    }

    @Test
    void identicalTimestampsAreConcurrent() {
        // Intervals are closed: [0,5] and [5,9] overlap at 5, so the read may go first.
        assertEquals(Verdict.VALID, check(
                op(0, "write", 1L, null, 5, 9),
                op(1, "read", null, null, 0, 5)));
        // All at the same instant: any order; a read of 1 and a read of 2 then need the writes between.
        assertEquals(Verdict.VALID, check(
                op(0, "write", 1L, null, 3, 3),
                op(1, "write", 2L, null, 3, 3),
                op(2, "read", null, 1L, 3, 3),
                op(3, "read", null, 2L, 3, 3)));
        assertEquals(Verdict.INVALID, check(
                op(0, "write", 1L, null, 3, 3),
                op(2, "read", null, 1L, 3, 3),
                op(3, "read", null, 2L, 3, 3)));
    }

    @Test
    void openOperationsMayTakeEffectAnyTimeOrNever() {
        assertEquals(Verdict.VALID, check(
                op(0, "write", 1L, null, 0, -1),
                op(1, "read", null, null, 5, 6),
                op(1, "read", null, 1L, 7, 8)));
        assertEquals(Verdict.VALID, check(
                op(0, "write", 1L, null, 0, -1),
                op(1, "read", null, null, 5, 6)));
    }

    @Test
    void noOperationsIsValid() {
        LinearizabilityResult r = LinearizabilityChecker.check(REGISTER, List.of(), CheckOptions.DEFAULT);
        assertEquals(Verdict.VALID, r.verdict());
        assertTrue(r.partitions().isEmpty());
    }

    @Test
    void linearizationIsTheWholeOrderAndReplaysThroughTheModel() {
        List<Operation> ops = List.of(
                op(0, "write", 1L, null, 0, 10),
                op(1, "read", null, 2L, 1, 12),
                op(2, "write", 2L, null, 2, 11));
        LinearizabilityResult r = LinearizabilityChecker.check(REGISTER, ops, CheckOptions.DEFAULT);
        assertEquals(Verdict.VALID, r.verdict());
        assertArrayEquals(new int[] {0, 2, 1}, r.partitions().get(0).longest());
    }

    @Test
    void invalidNamesTheOperationThatCannotBeLinearized() {
        List<Operation> ops = List.of(
                op(0, "write", 1L, null, 0, 1),
                op(1, "read", null, 1L, 2, 3),
                op(2, "read", null, 2L, 4, 5),
                op(0, "write", 2L, null, 6, 7));
        LinearizabilityResult r = LinearizabilityChecker.check(REGISTER, ops, CheckOptions.DEFAULT);
        assertEquals(Verdict.INVALID, r.verdict());
        PartitionResult p = r.partitions().get(0);
        assertArrayEquals(new int[] {0, 1}, p.longest());
        assertEquals(2, p.blockingOp());
        assertTrue(r.reason().contains("cannot linearize"), r.reason());
    }

    private static History etcd(String file) throws IOException {
        return HistoryFormat.PORCUPINE_ETCD.read(PorcupineConformanceTest.dataDir().resolve("jepsen").resolve(file));
    }

    private static History kv(String file) throws IOException {
        return HistoryFormat.PORCUPINE_KV.read(PorcupineConformanceTest.dataDir().resolve("kv").resolve(file));
    }

    @Test
    void oneMillisecondBudgetOnAHardHistoryIsUnknownPromptly() throws IOException {
        History h = etcd("etcd_002.log");
        long t0 = System.nanoTime();
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("etcd"), h,
                CheckOptions.DEFAULT.withTimeLimit(Duration.ofMillis(1)));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Verdict.UNKNOWN, r.verdict(), r.toString());
        assertEquals(SearchOutcome.TIMED_OUT, r.partitions().get(0).outcome());
        assertTrue(r.reason().contains("time limit"), r.reason());
        assertTrue(ms < 2_000, "took " + ms + " ms");
    }

    @Test
    void memoryBudgetEndsTheSearchUnknownWithTheReason() throws IOException {
        History h = etcd("etcd_002.log");
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("etcd"), h,
                CheckOptions.DEFAULT.withMemoryBudget(2L << 20));
        assertEquals(Verdict.UNKNOWN, r.verdict(), r.toString());
        assertEquals(SearchOutcome.OVER_BUDGET, r.partitions().get(0).outcome());
        assertTrue(r.reason().startsWith("memory budget of 2 MiB exhausted"), r.reason());
        assertTrue(r.stats().cacheEntries() > 1000 && r.stats().cacheEntries() < 179127, r.stats().toString());
    }

    @Test
    void resultGoesToResultsJsonAsOneCheckerEntry() throws IOException {
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("etcd"), etcd("etcd_000.log"),
                CheckOptions.DEFAULT);
        dev.schism.results.verdict.CheckResult c = r.toCheckResult();
        assertEquals("linearizability", c.checker());
        assertEquals(Verdict.INVALID, c.verdict());
        assertEquals(r.reason(), c.summary());
        assertEquals(1263L, c.details().get("steps"));
        List<?> failing = (List<?>) c.details().get("not_linearized");
        assertEquals(1, failing.size());
        assertEquals(43, ((java.util.Map<?, ?>) failing.get(0)).get("linearizable_prefix"));
    }

    @Test
    void runCheckerJudgesTheRunsHistory() {
        List<Op> ops = List.of(
                new Op(0, 1, 0, OpType.INVOKE, "write", 1L, null, null),
                new Op(1, 2, 0, OpType.OK, "write", 1L, null, null),
                new Op(2, 3, 1, OpType.INVOKE, "read", null, null, null),
                new Op(3, 4, 1, OpType.OK, "read", 2L, null, null));
        LinearizabilityRunChecker checker = new LinearizabilityRunChecker(REGISTER, CheckOptions.DEFAULT);
        dev.schism.results.verdict.CheckResult c = checker.check(
                new dev.schism.harness.runner.RunData(new History(ops), List.of(), java.util.Map.of()));
        assertEquals(Verdict.INVALID, c.verdict());
        dev.schism.results.verdict.CheckResult bad = checker.check(new dev.schism.harness.runner.RunData(
                new History(List.of(new Op(0, 1, 0, OpType.INVOKE, "frob", null, null, null))), List.of(),
                java.util.Map.of()));
        assertEquals(Verdict.UNKNOWN, bad.verdict());
        assertTrue(bad.summary().contains("has no operation 'frob'"), bad.summary());
    }

    @Test
    void firstIllegalPartitionCancelsTheHopelessOnes() throws IOException {
        // Four of c50-bad's ten keys do not finish alone in 10 s; the check ends only through cancellation.
        long t0 = System.nanoTime();
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("kv"), kv("c50-bad.txt"), CheckOptions.DEFAULT);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Verdict.INVALID, r.verdict());
        assertEquals(10, r.partitions().size());
        assertTrue(r.partitions().stream().anyMatch(p -> p.outcome() == SearchOutcome.CANCELLED), r.toString());
        assertTrue(ms < 20_000, "took " + ms + " ms");
    }

    @Test
    void withoutEarlyCancelAHopelessHistoryEndsWithinTheBudgetNotOutOfMemory() throws IOException {
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("kv"), kv("c50-bad.txt"),
                CheckOptions.DEFAULT.withCancelOnIllegal(false).withMemoryBudget(96L << 20));
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
        assertTrue(r.partitions().stream().noneMatch(p -> p.outcome() == SearchOutcome.CANCELLED));
        assertTrue(r.partitions().stream().anyMatch(p -> p.outcome() == SearchOutcome.OVER_BUDGET), r.toString());
        assertTrue(r.illegal().size() >= 5, r.toString());
    }

    @Test
    void manySmallPartitionsFitASmallBudget() {
        List<Op> ops = new ArrayList<>();
        for (int key = 0; key < 400; key++) {
            for (int p = 0; p < 3; p++) {
                List<Object> kv = List.of("k" + key, "v" + p);
                ops.add(new Op(ops.size(), -1, p, OpType.INVOKE, "append", kv, null, null));
            }
            for (int p = 0; p < 3; p++) {
                List<Object> kv = List.of("k" + key, "v" + p);
                ops.add(new Op(ops.size(), -1, p, OpType.OK, "append", kv, null, null));
            }
        }
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("kv"), new History(ops),
                CheckOptions.DEFAULT.withMemoryBudget(1L << 20));
        assertEquals(Verdict.VALID, r.verdict(), r.toString());
        assertEquals(400, r.partitions().size());
    }

    @Test
    void unknownLosesToInvalid() throws IOException {
        // A time limit too short for the slow keys still reports the quick illegal ones.
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("kv"), kv("c50-bad.txt"),
                CheckOptions.DEFAULT.withCancelOnIllegal(false).withTimeLimit(Duration.ofMillis(1500)));
        assertEquals(Verdict.INVALID, r.verdict(), r.toString());
    }

    @Test
    void jepsenReadingDropsFailuresAndKeepsInfoOpen() {
        List<Op> ops = new ArrayList<>();
        ops.add(new Op(0, -1, 0, OpType.INVOKE, "write", 1L, null, null));
        ops.add(new Op(1, -1, 1, OpType.INVOKE, "write", 2L, null, null));
        ops.add(new Op(2, -1, 0, OpType.FAIL, "write", 1L, null, null));
        ops.add(new Op(3, -1, 1, OpType.INFO, "write", 2L, null, null));
        ops.add(new Op(4, -1, Op.NEMESIS, OpType.INFO, "kill", null, null, null));
        ops.add(new Op(5, -1, 2, OpType.INVOKE, "read", null, null, null));
        List<Operation> read = JepsenOperations.from(REGISTER, new History(ops));
        assertEquals(2, read.size());
        assertEquals(1, read.get(0).process());
        assertTrue(read.get(0).isOpen());
        assertEquals(1, read.get(0).call());
        assertTrue(read.get(1).isOpen());
        assertEquals(ops.get(3), read.get(0).completion());
    }

    @Test
    void jepsenReadingRejectsInconsistentHistories() {
        List<Op> twice = List.of(
                new Op(0, -1, 0, OpType.INVOKE, "write", 1L, null, null),
                new Op(1, -1, 0, OpType.INVOKE, "write", 2L, null, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JepsenOperations.from(REGISTER, new History(twice)));
        assertTrue(e.getMessage().contains("invokes again"), e.getMessage());
        List<Op> orphan = List.of(new Op(0, -1, 0, OpType.OK, "write", 1L, null, null));
        e = assertThrows(IllegalArgumentException.class, () -> JepsenOperations.from(REGISTER, new History(orphan)));
        assertTrue(e.getMessage().contains("without an invoke"), e.getMessage());
        List<Op> unknownF = List.of(new Op(0, -1, 0, OpType.INVOKE, "cas", List.of(1L, 2L), null, null));
        e = assertThrows(IllegalArgumentException.class, () -> JepsenOperations.from(REGISTER, new History(unknownF)));
        assertTrue(e.getMessage().contains("has no operation 'cas'"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
