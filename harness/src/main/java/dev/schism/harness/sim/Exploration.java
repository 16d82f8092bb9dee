package dev.schism.harness.sim;

import dev.schism.node.sim.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs seeds {@code first .. first+runs-1} of one {@link Scenario} on {@code jobs} threads. Each thread takes
 * the next seed from a shared counter. Only failing outcomes are kept (a million safe runs need no memory),
 * in seed order, so the output does not depend on the number of threads.
 */
public final class Exploration {
    private final Scenario scenario;
    private final int jobs;

    public Exploration(Scenario scenario, int jobs) {
        this.scenario = scenario;
        this.jobs = jobs;
    }

    /** The failing outcomes in seed order, and how many runs there were. */
    public record Result(int runs, List<Outcome> failed) {
        @Override
        public String toString() {
            return runs + " runs, " + failed.size() + " failed";
        }
    }

    public Result run(long first, int runs) throws InterruptedException {
        java.util.concurrent.ConcurrentSkipListMap<Long, Outcome> out = new java.util.concurrent.ConcurrentSkipListMap<>();
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "explore");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int j = 0; j < jobs; j++) {
                workers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < runs && !Thread.currentThread().isInterrupted();
                         i = next.getAndIncrement()) {
                        Outcome o = scenario.simulation(first + i, false).play();
                        if (o.failed()) {
                            out.put(i, o);
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                try {
                    w.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("a simulation crashed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        return new Result(runs, List.copyOf(out.values()));
    }

    @Override
    public String toString() {
        return "Exploration{" + scenario + " jobs=" + jobs + "}";
    }
}
