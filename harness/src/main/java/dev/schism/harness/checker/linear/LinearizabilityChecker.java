package dev.schism.harness.checker.linear;

import dev.schism.results.verdict.Verdict;
import dev.schism.harness.checker.model.Model;
import dev.schism.results.history.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Checks that a history is linearizable with respect to a model (Porcupine's algorithm, ported).
 *
 * <p>The operations are split into the model's partitions. The calling thread first gives every partition
 * short round-robin turns for a few milliseconds (most partitions end there, no thread started); each
 * partition still searching after that gets its own platform thread (preemption matters: a partition that
 * is quick to fail must get CPU while hopeless ones grind, so no small pool and no virtual threads). The
 * first illegal partition cancels the rest; the time limit and the memory budget end the search with
 * UNKNOWN, except that an illegal partition already found wins.
 */
public final class LinearizabilityChecker {
    private LinearizabilityChecker() {
    }

    /** Checks a Jepsen history (see {@link JepsenOperations} for how ops are read). */
    public static <S> LinearizabilityResult check(Model<S> model, History history, CheckOptions options) {
        return check(model, JepsenOperations.from(model, history), options);
    }

    public static <S> LinearizabilityResult check(Model<S> model, List<Operation> operations, CheckOptions options) {
        long start = System.nanoTime();
        long deadline = options.timeLimit().isZero() ? Long.MAX_VALUE : start + options.timeLimit().toNanos();
        SearchControl control = new SearchControl(deadline, options.budget());
        List<Object> keys = new ArrayList<>();
        List<List<Operation>> parts = partition(model, operations, keys);
        int k = parts.size();
        List<PartitionSearch<S>> searches = new ArrayList<>(k);
        long[] elapsed = new long[k];
        for (List<Operation> part : parts) {
            searches.add(new PartitionSearch<>(model, part, control));
        }
        List<Integer> hard = quickPass(searches, elapsed, control, options);
        if (hard.size() == 1 || control.cancelled()) {
            for (int i : hard) {
                long t0 = System.nanoTime();
                finish(searches.get(i), control, options);
                elapsed[i] += System.nanoTime() - t0;
            }
        } else if (!hard.isEmpty()) {
            runOnThreads(searches, hard, elapsed, control, options);
        }
        PartitionResult[] results = new PartitionResult[k];
        for (int i = 0; i < k; i++) {
            PartitionSearch<S> s = searches.get(i);
            results[i] = new PartitionResult(keys.get(i), parts.get(i), s.outcome(), s.stats(), s.longest(),
                    s.blockingOp(), elapsed[i]);
        }
        return verdict(List.of(results), System.nanoTime() - start, control.budget);
    }

    /** Iterations of one partition's search per turn of the quick pass. */
    static final int SLICE = 1024;
    /** How long the quick pass may take before the partitions left get threads of their own. */
    static final long QUICK_PASS_NANOS = 5_000_000;

    /**
     * Gives every partition short turns on the calling thread, round-robin, for a few milliseconds. Most
     * partitions of real histories end here, and a partition that is quick to fail is found without
     * starting a thread. Returns the partitions still searching.
     */
    private static <S> List<Integer> quickPass(List<PartitionSearch<S>> searches, long[] elapsed,
                                               SearchControl control, CheckOptions options) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            left.add(i);
        }
        if (searches.size() == 1) {
            return left;
        }
        long end = System.nanoTime() + QUICK_PASS_NANOS;
        while (!left.isEmpty() && !control.cancelled()) {
            List<Integer> still = new ArrayList<>();
            for (int i : left) {
                long t0 = System.nanoTime();
                SearchOutcome o = searches.get(i).run(SLICE);
                long t1 = System.nanoTime();
                elapsed[i] += t1 - t0;
                if (o == null) {
                    still.add(i);
                } else if (o == SearchOutcome.ILLEGAL && options.cancelOnIllegal()) {
                    control.cancel();
                }
            }
            left = still;
            if (System.nanoTime() - end > 0) {
                break;
            }
        }
        List<Integer> unfinished = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            if (!searches.get(i).finished()) {
                unfinished.add(i);
            }
        }
        return unfinished;
    }

    private static <S> void finish(PartitionSearch<S> s, SearchControl control, CheckOptions options) {
        if (s.run() == SearchOutcome.ILLEGAL && options.cancelOnIllegal()) {
            control.cancel();
        }
    }

    /** One platform thread per partition: the OS preempts hopeless searches so a quick failure gets CPU. */
    private static <S> void runOnThreads(List<PartitionSearch<S>> searches, List<Integer> which, long[] elapsed,
                                         SearchControl control, CheckOptions options) {
        CountDownLatch done = new CountDownLatch(which.size());
        for (int i : which) {
            Thread t = new Thread(() -> {
                long t0 = System.nanoTime();
                try {
                    finish(searches.get(i), control, options);
                } finally {
                    elapsed[i] += System.nanoTime() - t0;
                    done.countDown();
                }
            }, "linearizability-" + i);
            t.setDaemon(true);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            control.cancel();
            Thread.currentThread().interrupt();
            awaitQuietly(done);
        }
    }

    private static void awaitQuietly(CountDownLatch done) {
        boolean interrupted = false;
        while (done.getCount() > 0) {
            try {
                done.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Groups operations by the model's partition key, in order of first appearance. */
    static <S> List<List<Operation>> partition(Model<S> model, List<Operation> ops, List<Object> keysOut) {
        Map<Object, List<Operation>> groups = new LinkedHashMap<>();
        boolean whole = true;
        for (Operation op : ops) {
            Object k = model.partitionKey(op.input());
            if (k != null) {
                whole = false;
            }
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(op);
        }
        if (ops.isEmpty()) {
            return List.of();
        }
        if (whole) {
            keysOut.add(null);
            return List.of(ops);
        }
        keysOut.addAll(groups.keySet());
        return new ArrayList<>(groups.values());
    }

    private static LinearizabilityResult verdict(List<PartitionResult> results, long elapsed, MemoryBudget budget) {
        Verdict v = Verdict.VALID;
        String reason = results.isEmpty() ? "no operations" : "linearizable";
        for (PartitionResult r : results) {
            switch (r.outcome()) {
                case ILLEGAL -> {
                    if (v != Verdict.INVALID) {
                        v = Verdict.INVALID;
                        reason = "no linearization of " + where(r) + (r.blocking() == null ? ""
                                : "; cannot linearize " + r.blocking());
                    }
                }
                case TIMED_OUT -> {
                    if (v == Verdict.VALID) {
                        v = Verdict.UNKNOWN;
                        reason = "time limit reached while searching " + where(r);
                    }
                }
                case OVER_BUDGET -> {
                    if (v == Verdict.VALID) {
                        v = Verdict.UNKNOWN;
                        reason = "memory budget of " + (budget.limit() >> 20) + " MiB exhausted after "
                                + r.stats().cacheEntries() + " cache entries in " + where(r);
                    }
                }
                case CANCELLED -> {
                    if (v == Verdict.VALID) {
                        v = Verdict.UNKNOWN;
                        reason = "search cancelled in " + where(r);
                    }
                }
                default -> {
                }
            }
        }
        return new LinearizabilityResult(v, reason, results, elapsed);
    }

    private static String where(PartitionResult r) {
        return r.key() == null ? "the history" : "partition " + r.key();
    }
}
