package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Runs a generator against a fake clock: each invoked op completes after the latency and with the type
 * its {@link Outcome} says. The interpreter's rules, without threads or sleeping: a completion due at or
 * before a proposed op's time is handled first and the proposal is asked for again. Used to assert exact
 * schedules in tests and to preview a nemesis schedule.
 */
public final class Simulation {
    /** How an invoked op ends: its type, value and how long it took. */
    public record Outcome(OpType type, Object value, long latencyNanos) {
    }

    private record Due(long time, long seq, Op completion) {
    }

    private Simulation() {
    }

    /** Every op ends ok with its own value after {@code latency} ns. */
    public static List<Op> run(Generator gen, int clients, boolean nemesis, long latency, long maxOps) {
        return run(gen, clients, nemesis, op -> new Outcome(OpType.OK, op.value(), latency), maxOps);
    }

    /** Invocations and completions in order, with index and time set; stops after maxOps invocations. */
    public static List<Op> run(Generator gen, int clients, boolean nemesis, Function<Op, Outcome> outcome, long maxOps) {
        List<Op> history = new ArrayList<>();
        PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
        Context ctx = Context.start(clients, nemesis);
        long invoked = 0;
        long seq = 0;
        while (true) {
            Step s = gen.next(ctx);
            long nextDue = due.isEmpty() ? Long.MAX_VALUE : due.peek().time;
            if (s instanceof Step.Emit e && e.time() < nextDue && invoked < maxOps) {
                long t = Math.max(ctx.time(), e.time());
                ctx = ctx.withTime(t);
                int thread = ctx.threadOf(e.op().process());
                Op inv = e.op().withIndexTime(history.size(), t);
                history.add(inv);
                invoked++;
                ctx = ctx.busy(thread);
                gen = e.next().update(ctx, inv);
                Outcome o = outcome.apply(inv);
                Op done = new Op(-1, -1, inv.process(), o.type(), inv.f(), o.value(), inv.node(), null);
                due.add(new Due(t + o.latencyNanos(), seq++, done));
                continue;
            }
            if (s instanceof Step.Pending p) {
                gen = p.next();
                if (p.wakeAt() < nextDue) {
                    ctx = ctx.withTime(Math.max(ctx.time(), p.wakeAt()));
                    continue;
                }
            }
            if (due.isEmpty()) {
                return history; // exhausted, over the op budget, or pending forever with nothing in flight
            }
            Due d = due.poll();
            ctx = ctx.withTime(Math.max(ctx.time(), d.time));
            Op done = d.completion.withIndexTime(history.size(), ctx.time());
            history.add(done);
            ctx = ctx.done(ctx.threadOf(done.process()), done.type() == OpType.INFO);
            gen = gen.update(ctx, done);
        }
    }
}
