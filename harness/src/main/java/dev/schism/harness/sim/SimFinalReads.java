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
 * changes nothing).
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
        int missing = 0;
        for (long sid = 1; sid <= cluster.size(); sid++) {
            for (Op op : finals) {
                if (!readUntilOk(sid, Op.invoke(process++, op.f(), op.value()), deadlineMs)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private boolean readUntilOk(long sid, Op op, long deadlineMs) {
        do {
            List<Op> got = new ArrayList<>(1);
            SimWorker w = new SimWorker(cluster, ops, sid, true, got::add);
            Op invoke = history.append(op.withNode("n" + sid), cluster.nowMs() * 1_000_000L);
            w.invoke(invoke);
            while (got.isEmpty()) {
                cluster.step();
                w.checkTimeout();
            }
            w.close();
            Op c = got.get(0);
            if (c.type() == OpType.INFO) {
                c = invoke.complete(OpType.FAIL, invoke.value()).withError(c.error());
            }
            history.append(c, cluster.nowMs() * 1_000_000L);
            if (c.type() == OpType.OK) {
                return true;
            }
            for (long t = 0; t < RETRY_PAUSE_MS; t += 100) {
                cluster.step();
            }
        } while (cluster.nowMs() < deadlineMs);
        return false;
    }

    @Override
    public String toString() {
        return "sim final reads{" + workload.name() + " on " + cluster.size() + " nodes}";
    }
}
