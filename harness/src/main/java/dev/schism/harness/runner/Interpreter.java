package dev.schism.harness.runner;

import dev.schism.harness.gen.Context;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Step;
import dev.schism.results.history.HistoryWriter;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs generators against real worker threads: one per client thread plus one for the nemesis. One
 * scheduling thread asks the generator, stamps and appends every invocation and completion to the
 * history (so the history order is the order the scheduler saw), hands invocations to the workers and
 * waits for completions, sleeping until a proposed op's time unless a completion arrives first (the
 * generator is then asked again; it is an immutable value, so nothing is lost). Not thread-safe: one
 * caller drives it.
 */
public final class Interpreter implements AutoCloseable {

    /** Performs one invocation and returns its completion (a client, or the nemesis). */
    @FunctionalInterface
    public interface Executor {
        Op execute(Op invoke) throws Exception;
    }

    /** Told about every invocation and completion after it is in the history. */
    public interface Listener {
        default void invoked(Op invoke) {
        }

        default void completed(Op invoke, Op completion) {
        }
    }

    private record Done(int thread, Op invoke, Op completion) {
    }

    private final HistoryWriter history;
    private final LongSupplier clock;
    private final Listener listener;
    private final BlockingQueue<Done> completions = new LinkedBlockingQueue<>();
    private final List<Worker> clients = new ArrayList<>();
    private final Worker nemesis;
    private final Op[] inFlight;
    private final List<String> clientNodes;
    private Op nemesisInFlight;
    private Context ctx;
    /** The completion {@link #awaitCompletion} took off the queue, for {@link #handle}. */
    private Done next;
    private volatile boolean stopped;

    public Interpreter(HistoryWriter history, LongSupplier clock, List<Executor> clientExecutors, Executor nemesisExecutor,
                       Listener listener) {
        this(history, clock, clientExecutors, java.util.Collections.nCopies(clientExecutors.size(), null), nemesisExecutor, listener);
    }

    /** {@code clientNodes.get(i)}: the node client thread i talks to, recorded on its invocations (may be null). */
    public Interpreter(HistoryWriter history, LongSupplier clock, List<Executor> clientExecutors, List<String> clientNodes,
                       Executor nemesisExecutor, Listener listener) {
        this.clientNodes = new ArrayList<>(clientNodes);
        this.history = history;
        this.clock = clock;
        this.listener = listener;
        for (int i = 0; i < clientExecutors.size(); i++) {
            clients.add(new Worker("schism-client-" + i, i, clientExecutors.get(i)));
        }
        this.nemesis = nemesisExecutor == null ? null : new Worker("schism-nemesis", Context.NEMESIS, nemesisExecutor);
        this.inFlight = new Op[clientExecutors.size()];
        this.ctx = Context.start(clientExecutors.size(), nemesisExecutor != null);
    }

    /** Makes {@link #run} and {@link #drain} return soon (from any thread, e.g. on Ctrl-C). */
    public void stop() {
        stopped = true;
    }

    public boolean stopped() {
        return stopped;
    }

    /** Ops invoked and not yet completed. */
    public int outstanding() {
        int n = nemesisInFlight == null ? 0 : 1;
        for (Op o : inFlight) {
            n += o == null ? 0 : 1;
        }
        return n;
    }

    /**
     * Runs {@code gen} until it is exhausted, {@link #stop()} is called, or the clock passes
     * {@code deadline} (a safety net; generators carry their own time limits). Ops still running when it
     * returns stay in flight: {@link #drain} waits for them.
     */
    public void run(Generator gen, long deadline) throws InterruptedException {
        while (!stopped) {
            long now = clock.getAsLong();
            if (now >= deadline) {
                return;
            }
            if (awaitCompletion(0)) {
                gen = handle(gen); // completions first: they free threads and may change what comes next
                continue;
            }
            ctx = ctx.withTime(now);
            Step s = gen.next(ctx);
            if (s instanceof Step.Emit e) {
                if (e.time() > now && awaitCompletion(Math.min(e.time(), deadline) - now)) {
                    gen = handle(gen);
                    continue;
                }
                if (clock.getAsLong() < e.time()) {
                    continue; // woke at the deadline
                }
                gen = dispatch(e);
            } else if (s instanceof Step.Pending p) {
                gen = p.next();
                long until = Math.min(p.wakeAt(), deadline);
                if (awaitCompletion(until - now)) {
                    gen = handle(gen);
                }
            } else {
                return;
            }
        }
    }

    /** Invokes each op on the nemesis thread in turn, waiting for each (the final heal). */
    public void runNemesisOps(List<Op> ops, long timeoutNanos) throws InterruptedException {
        if (nemesis == null) {
            return;
        }
        for (Op op : ops) {
            long end = clock.getAsLong() + timeoutNanos;
            while (nemesisInFlight != null && clock.getAsLong() < end) {
                if (awaitCompletion(end - clock.getAsLong())) {
                    handle(null);
                }
            }
            if (nemesisInFlight != null) {
                return; // the nemesis is stuck; nothing more can be done through it
            }
            ctx = ctx.withTime(clock.getAsLong());
            dispatch(new Step.Emit(op, ctx.time(), null));
            while (nemesisInFlight != null && clock.getAsLong() < end) {
                if (awaitCompletion(end - clock.getAsLong())) {
                    handle(null);
                }
            }
        }
    }

    /** Waits up to {@code timeoutNanos} for every in-flight op to complete; returns how many are still open. */
    public int drain(long timeoutNanos) throws InterruptedException {
        long end = clock.getAsLong() + timeoutNanos;
        while (outstanding() > 0 && clock.getAsLong() < end) {
            if (awaitCompletion(end - clock.getAsLong())) {
                handle(null);
            }
        }
        return outstanding();
    }

    private Generator dispatch(Step.Emit e) {
        int thread = ctx.threadOf(e.op().process());
        Op op = e.op();
        if (thread != Context.NEMESIS && op.node() == null && clientNodes.get(thread) != null) {
            op = op.withNode(clientNodes.get(thread));
        }
        Op invoke = history.append(op, clock.getAsLong());
        ctx = ctx.busy(thread);
        if (thread == Context.NEMESIS) {
            nemesisInFlight = invoke;
            nemesis.submit(invoke);
        } else {
            inFlight[thread] = invoke;
            clients.get(thread).submit(invoke);
        }
        listener.invoked(invoke);
        return e.next() == null ? null : e.next().update(ctx, invoke);
    }

    private boolean awaitCompletion(long nanos) throws InterruptedException {
        if (nanos <= 0) {
            next = completions.poll();
        } else {
            // Wake at least every 100 ms so stop() is noticed.
            next = completions.poll(Math.min(nanos, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
        }
        return next != null;
    }

    private Generator handle(Generator gen) {
        Done d = next;
        next = null;
        Op c = history.append(d.completion, clock.getAsLong());
        ctx = ctx.withTime(c.time()).done(d.thread, c.type() == OpType.INFO && d.thread != Context.NEMESIS);
        if (d.thread == Context.NEMESIS) {
            nemesisInFlight = null;
        } else {
            inFlight[d.thread] = null;
        }
        listener.completed(d.invoke, c);
        return gen == null ? null : gen.update(ctx, c);
    }

    @Override
    public void close() {
        stopped = true;
        clients.forEach(Worker::shutdown);
        if (nemesis != null) {
            nemesis.shutdown();
        }
    }

    /** One worker thread: takes invocations, executes them, reports completions. */
    private final class Worker {
        private final BlockingQueue<Op> inbox = new LinkedBlockingQueue<>();
        private final Thread thread;
        private final int id;
        private final Executor executor;

        Worker(String name, int id, Executor executor) {
            this.id = id;
            this.executor = executor;
            this.thread = new Thread(this::loop, name);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        void submit(Op op) {
            inbox.add(op);
        }

        private void loop() {
            try {
                while (true) {
                    Op invoke = inbox.take();
                    Op done;
                    try {
                        Op r = executor.execute(invoke);
                        if (r == null) {
                            done = invoke.complete(OpType.INFO, invoke.value()).withError("client returned no completion");
                        } else {
                            done = new Op(-1, -1, invoke.process(), r.type() == OpType.INVOKE ? OpType.INFO : r.type(), invoke.f(),
                                    r.value(), r.node() != null ? r.node() : invoke.node(), r.error());
                        }
                    } catch (InterruptedException e) {
                        completions.add(new Done(id, invoke, invoke.complete(OpType.INFO, invoke.value()).withError("interrupted")));
                        return;
                    } catch (Exception | Error e) {
                        completions.add(new Done(id, invoke, invoke.complete(OpType.INFO, invoke.value())
                                .withError(e.getClass().getSimpleName() + ": " + e.getMessage())));
                        continue;
                    }
                    completions.add(new Done(id, invoke, done));
                }
            } catch (InterruptedException e) {
                // shut down
            }
        }

        void shutdown() {
            thread.interrupt();
        }

        @Override
        public String toString() {
            return thread.getName();
        }
    }

    @Override
    public String toString() {
        return "interpreter{" + outstanding() + " in flight, " + ctx + "}";
    }
}
