package dev.schism.harness.sim;

import dev.schism.harness.gen.Context;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Step;
import dev.schism.harness.nemesis.Nemesis;
import dev.schism.node.sim.SimCluster;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The interpreter of a simulated run: the generator's rules on one thread over simulated time. An op due
 * now goes to its thread's {@link SimWorker} (or, on the nemesis thread, is carried out at once); otherwise
 * the cluster moves one 100 ms tick, after which completions are recorded in the order they happened. Times
 * in the history are simulated ns since the cluster booted, so a seed gives the same history byte for byte.
 */
final class SimLoop {
    private static final long NS_PER_MS = 1_000_000L;

    private final SimCluster cluster;
    private final List<SimWorker> workers;
    private final Nemesis nemesis;
    private final SimHistory history;
    /** Each nemesis op's invocation and completion, for faults.jsonl (nothing in explore). */
    private final BiConsumer<Op, Op> faults;
    private final ArrayDeque<Done> completed;
    private Context ctx;

    /** A completion and the thread it frees. */
    record Done(int thread, Op op) {
        @Override
        public String toString() {
            return "thread " + thread + ": " + op;
        }
    }

    SimLoop(SimCluster cluster, List<SimWorker> workers, ArrayDeque<Done> completed, Nemesis nemesis,
            SimHistory history, BiConsumer<Op, Op> faults) {
        this.cluster = cluster;
        this.workers = workers;
        this.completed = completed;
        this.nemesis = nemesis;
        this.history = history;
        this.faults = faults;
        this.ctx = Context.start(workers.size(), true);
    }

    long nowNanos() {
        return cluster.nowMs() * NS_PER_MS;
    }

    /** Runs {@code gen} until it is exhausted or simulated time passes {@code deadlineNanos}; ops in flight stay. */
    void run(Generator gen, long deadlineNanos) {
        while (nowNanos() < deadlineNanos) {
            ctx = ctx.withTime(nowNanos());
            Step s = gen.next(ctx);
            if (s instanceof Step.Emit e && e.time() <= nowNanos()) {
                gen = dispatch(e);
                continue;
            }
            if (s instanceof Step.Pending p) {
                gen = p.next();
            } else if (s instanceof Step.Exhausted) {
                return;
            }
            gen = step(gen);
        }
    }

    /** Ticks until nothing is in flight or {@code maxNanos} of simulated time passed; returns what is still open. */
    int drain(long maxNanos) {
        long end = nowNanos() + maxNanos;
        while (workers.stream().anyMatch(SimWorker::busy) && nowNanos() < end) {
            step(null);
        }
        return (int) workers.stream().filter(SimWorker::busy).count();
    }

    /** The nemesis ops one after the other, each carried out at once (the final heal). */
    void nemesisOps(List<Op> ops) {
        for (Op op : ops) {
            dispatch(new Step.Emit(op.withIndexTime(-1, -1), nowNanos(), null));
        }
    }

    private Generator dispatch(Step.Emit e) {
        int thread = ctx.threadOf(e.op().process());
        Op op = e.op();
        if (thread != Context.NEMESIS) {
            op = op.withNode(workers.get(thread).node());
        }
        Op invoke = history.append(op, nowNanos());
        ctx = ctx.busy(thread);
        Generator gen = e.next() == null ? null : e.next().update(ctx, invoke);
        if (thread == Context.NEMESIS) {
            Op c;
            try {
                c = nemesis.invoke(invoke);
            } catch (Exception ex) {
                c = invoke.complete(OpType.INFO, invoke.value()).withError(String.valueOf(ex.getMessage()));
            }
            Op done = history.append(c, nowNanos());
            faults.accept(invoke, done);
            ctx = ctx.done(thread, false);
            return gen == null ? null : gen.update(ctx, done);
        }
        workers.get(thread).invoke(invoke);
        return record(gen); // a definite answer can come at once (an expired session)
    }

    private Generator step(Generator gen) {
        cluster.step();
        for (SimWorker w : workers) {
            w.checkTimeout();
        }
        return record(gen);
    }

    private Generator record(Generator gen) {
        while (!completed.isEmpty()) {
            Done d = completed.poll();
            Op c = history.append(d.op, nowNanos());
            ctx = ctx.withTime(nowNanos()).done(d.thread, c.type() == OpType.INFO);
            if (gen != null) {
                gen = gen.update(ctx, c);
            }
        }
        return gen;
    }

    @Override
    public String toString() {
        return "SimLoop{t=" + cluster.nowMs() + "ms " + ctx + "}";
    }
}
