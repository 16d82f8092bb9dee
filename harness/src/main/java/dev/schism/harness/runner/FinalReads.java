package dev.schism.harness.runner;

import dev.schism.harness.backend.Cluster;
import dev.schism.results.history.HistoryWriter;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The last phase of a run, after the final heal and recovery, while every node still runs: each of the
 * workload's final ops (e.g. a read of the whole set) is invoked against every node on its own, through a
 * fresh client of that node, and retried until it succeeds or the deadline passes. Every attempt is an
 * op in the history, under a process id no client used, so {@code analyze} sees the same evidence.
 */
final class FinalReads {
    private static final long RETRY_PAUSE_MS = 250;

    private final Workload workload;
    private final TestSpec spec;
    private final Cluster cluster;
    private final HistoryWriter history;
    private final LongSupplier clock;

    FinalReads(Workload workload, TestSpec spec, Cluster cluster, HistoryWriter history, LongSupplier clock) {
        this.workload = workload;
        this.spec = spec;
        this.cluster = cluster;
        this.history = history;
        this.clock = clock;
    }

    /** Runs every one of the workload's final ops on every node; returns how many (node, op) pairs never succeeded. */
    int run(List<Op> finals, long timeoutNanos) throws InterruptedException {
        long deadline = clock.getAsLong() + timeoutNanos;
        long process = history.maxClientProcess() + 1;
        int missing = 0;
        List<String> nodes = cluster.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (Op op : finals) {
                long p = process++;
                if (!readUntilOk(i, nodes.get(i), Op.invoke(p, op.f(), op.value()), deadline)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /**
     * One node's final op, retried with a new client after each failure until the deadline (every node gets
     * at least one attempt, even after another used the time up); false if it never succeeded.
     */
    private boolean readUntilOk(int nodeIndex, String node, Op op, long deadline) throws InterruptedException {
        do {
            Op invoke = history.append(op.withNode(node), clock.getAsLong());
            Op completion;
            try (Client c = workload.client(cluster, spec, nodeIndex)) {
                completion = c.invoke(invoke);
            } catch (InterruptedException e) {
                history.append(invoke.complete(OpType.FAIL, invoke.value()).withError("interrupted"), clock.getAsLong());
                throw e;
            } catch (Exception e) {
                completion = invoke.complete(OpType.FAIL, invoke.value()).withError(String.valueOf(e.getMessage()));
            }
            if (completion.type() == OpType.INFO) {
                // A read changes nothing: an attempt left without an answer certainly had no effect.
                completion = invoke.complete(OpType.FAIL, invoke.value()).withError(completion.error());
            }
            history.append(completion, clock.getAsLong());
            if (completion.type() == OpType.OK) {
                return true;
            }
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
        } while (clock.getAsLong() < deadline);
        return false;
    }

    @Override
    public String toString() {
        return "final-reads{" + workload.name() + " on " + cluster.nodes().size() + " nodes}";
    }
}
