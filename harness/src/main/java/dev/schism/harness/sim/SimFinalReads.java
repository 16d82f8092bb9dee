package dev.schism.harness.sim;

import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.node.sim.SimCluster;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.ArrayList;
import java.util.List;

/**
 * The workload's final ops on every simulated node on its own, as the runner's final reads do: a fresh
 * client pinned to that node, retried until it succeeds; an attempt without an answer is a fail (a read
 * changes nothing). Unlike the runner, which reads node after node, all nodes are read at once: each read
 * costs some 18 ticks (a session, a sync through the leader, the read), and one after the other they made a
 * fifth of a simulated run. Each (node, op) keeps its own process id across retries, as in the runner.
 */
final class SimFinalReads {
    private static final long RETRY_PAUSE_MS = 500;

    private final Workload workload;
    private final TestSpec spec;
    private final SimOps ops;
    private final SimCluster cluster;
    private final SimHistory history;

    SimFinalReads(Workload workload, TestSpec spec, SimOps ops, SimCluster cluster, SimHistory history) {
        this.workload = workload;
        this.spec = spec;
        this.ops = ops;
        this.cluster = cluster;
        this.history = history;
    }

    /** Returns how many (node, op) pairs never succeeded within {@code timeoutNanos} of simulated time. */
    int run(long timeoutNanos) {
        List<Op> finals = workload.finalOps(spec);
        long deadlineMs = cluster.nowMs() + timeoutNanos / 1_000_000L;
        long process = history.maxClientProcess() + 1;
        List<Reader> readers = new ArrayList<>();
        for (long sid = 1; sid <= cluster.size(); sid++) {
            for (Op op : finals) {
                readers.add(new Reader(sid, Op.invoke(process++, op.f(), op.value()).withNode("n" + sid)));
            }
        }
        readers.forEach(Reader::attempt); // every node gets at least one attempt
        while (readers.stream().anyMatch(r -> !r.finished)) {
            cluster.step();
            for (Reader r : readers) {
                r.afterStep(deadlineMs);
            }
        }
        return (int) readers.stream().filter(r -> !r.ok).count();
    }

    /** One node's final op: an attempt in flight, or a pause before the next, until it succeeds or time is up. */
    private final class Reader {
        private final long sid;
        private final Op op;
        private final List<Op> got = new ArrayList<>(1);
        private SimWorker worker;
        private Op invoke;
        private long retryAtMs;
        boolean finished;
        boolean ok;

        Reader(long sid, Op op) {
            this.sid = sid;
            this.op = op;
        }

        void attempt() {
            got.clear();
            worker = new SimWorker(cluster, ops, sid, true, got::add);
            invoke = history.append(op, cluster.nowMs() * 1_000_000L);
            worker.invoke(invoke);
        }

        void afterStep(long deadlineMs) {
            if (finished) {
                return;
            }
            if (worker == null) {
                if (cluster.nowMs() >= retryAtMs) {
                    if (cluster.nowMs() < deadlineMs) {
                        attempt();
                    } else {
                        finished = true;
                    }
                }
                return;
            }
            worker.checkTimeout();
            if (got.isEmpty()) {
                return;
            }
            worker.close();
            worker = null;
            Op c = got.get(0);
            if (c.type() == OpType.INFO) {
                c = invoke.complete(OpType.FAIL, invoke.value()).withError(c.error());
            }
            history.append(c, cluster.nowMs() * 1_000_000L);
            ok = c.type() == OpType.OK;
            finished = ok;
            retryAtMs = cluster.nowMs() + RETRY_PAUSE_MS;
        }

        @Override
        public String toString() {
            return "final " + op.f() + " on n" + sid + (finished ? ok ? " ok" : " given up" : "");
        }
    }

    @Override
    public String toString() {
        return "sim final reads{" + workload.name() + " on " + cluster.size() + " nodes}";
    }
}
