package dev.schism.harness.sim;

import dev.schism.node.sim.Outcome;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs seeds {@code first .. first+runs-1} of one trial (a protocol {@link Scenario}, or a workload's
 * {@link WorkloadScenario}) on {@code jobs} threads. Each thread takes the next seed from a shared counter.
 * Only failures are kept (a million passing runs need no memory), in seed order, so the output does not
 * depend on the number of threads.
 *
 * @param <F> what a failing seed leaves: its outcome and evidence
 */
public final class Exploration<F> {
    /** One seed's run: its failure, or null if it passed. Must depend on nothing but the seed. */
    @FunctionalInterface
    public interface Trial<F> {
        F failure(long seed);
    }

    private final Trial<F> trial;
    private final int jobs;

    public Exploration(Trial<F> trial, int jobs) {
        this.trial = trial;
        this.jobs = jobs;
    }

    /** The protocol simulation of {@code scenario}: a seed fails if it broke a safety check or got stuck. */
    public static Exploration<Outcome> of(Scenario scenario, int jobs) {
        return new Exploration<>(seed -> {
            Outcome o = scenario.simulation(seed, false).play();
            return o.failed() ? o : null;
        }, jobs);
    }

    /**
     * The failures in seed order, how many runs there were, the wall time and the CPU time the worker threads
     * spent (the JVM's own threads, JIT compilers and GC, not counted).
     */
    public record Result<F>(int runs, List<F> failed, double wallSeconds, double cpuSeconds) {
        @Override
        public String toString() {
            return runs + " runs, " + failed.size() + " failed, " + wallSeconds + " s wall, " + cpuSeconds + " s CPU";
        }
    }

    public Result<F> run(long first, int runs) throws InterruptedException {
        ConcurrentSkipListMap<Long, F> out = new ConcurrentSkipListMap<>();
        AtomicLong next = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "explore");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                workers.add(pool.submit(() -> {
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    try {
                        for (long i = next.getAndIncrement(); i < runs && !Thread.currentThread().isInterrupted();
                             i = next.getAndIncrement()) {
                            F f = trial.failure(first + i);
                            if (f != null) {
                                out.put(i, f);
                            }
                        }
                    } finally {
                        cpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
                    }
                }));
            }
            for (Future<?> w : workers) {
                try {
                    w.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a simulation crashed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result<>(runs, List.copyOf(out.values()), (System.nanoTime() - started) / 1e9, cpuNanos.get() / 1e9);
    }

    @Override
    public String toString() {
        return "Exploration{" + trial + " jobs=" + jobs + "}";
    }
}
