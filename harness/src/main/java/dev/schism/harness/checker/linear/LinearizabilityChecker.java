package dev.schism.harness.checker.linear;

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
 * <p>The operations are split into the model's partitions; each partition is searched on its own platform
 * thread (preemption matters: a partition that is quick to fail must get CPU while hopeless ones grind, so
 * no small pool and no virtual threads). The first illegal partition cancels the rest; the time limit and
 * the memory budget end the search with UNKNOWN, except that an illegal partition already found wins.
 */
public final class LinearizabilityChecker {
    private LinearizabilityChecker() {
    }

    /** Checks a Jepsen history (see {@link JepsenOperations} for how ops are read). */
    public static <S> CheckResult check(Model<S> model, History history, CheckOptions options) {
        return check(model, JepsenOperations.from(model, history), options);
    }

    public static <S> CheckResult check(Model<S> model, List<Operation> operations, CheckOptions options) {
        long start = System.nanoTime();
        long deadline = options.timeLimit().isZero() ? Long.MAX_VALUE : start + options.timeLimit().toNanos();
        SearchControl control = new SearchControl(deadline, options.budget());
        List<Object> keys = new ArrayList<>();
        List<List<Operation>> parts = partition(model, operations, keys);
        PartitionResult[] results = new PartitionResult[parts.size()];
        if (parts.size() == 1) {
            results[0] = search(model, keys.get(0), parts.get(0), control, options);
        } else if (parts.size() > 1) {
            CountDownLatch done = new CountDownLatch(parts.size());
            Thread[] threads = new Thread[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                int k = i;
                threads[i] = new Thread(() -> {
                    try {
                        results[k] = search(model, keys.get(k), parts.get(k), control, options);
                    } finally {
                        done.countDown();
                    }
                }, "linearizability-" + k);
                threads[i].setDaemon(true);
                threads[i].start();
            }
            try {
                done.await();
            } catch (InterruptedException e) {
                control.cancel();
                Thread.currentThread().interrupt();
                awaitQuietly(done);
            }
        }
        return verdict(List.of(results), System.nanoTime() - start, control.budget);
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

    private static <S> PartitionResult search(Model<S> model, Object key, List<Operation> ops, SearchControl control,
                                              CheckOptions options) {
        long t0 = System.nanoTime();
        PartitionSearch<S> s = new PartitionSearch<>(model, ops, control);
        SearchOutcome outcome = s.run();
        if (outcome == SearchOutcome.ILLEGAL && options.cancelOnIllegal()) {
            control.cancel();
        }
        return new PartitionResult(key, ops, outcome, s.stats(), s.longest(), s.blockingOp(), System.nanoTime() - t0);
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

    private static CheckResult verdict(List<PartitionResult> results, long elapsed, MemoryBudget budget) {
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
        return new CheckResult(v, reason, results, elapsed);
    }

    private static String where(PartitionResult r) {
        return r.key() == null ? "the history" : "partition " + r.key();
    }
}
