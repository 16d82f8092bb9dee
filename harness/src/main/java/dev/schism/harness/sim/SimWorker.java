package dev.schism.harness.sim;

import dev.schism.node.sim.SimCluster;
import dev.schism.node.sim.SimSession;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.function.Consumer;

/**
 * One worker thread's client in a simulated run: a session homed at its node (a new one after the old one
 * expired, as the workloads' clients reset theirs), at most one op in flight, and the client's op timeout —
 * an op without an answer in time completes info, and its late answer is ignored.
 */
final class SimWorker {
    static final int SESSION_TIMEOUT_MS = 4000;

    private final SimCluster cluster;
    private final SimOps ops;
    private final long home;
    private final boolean pinned;
    private final Consumer<Op> sink;
    private SimSession session;
    private Op current;
    private long deadlineMs;
    private int token;

    SimWorker(SimCluster cluster, SimOps ops, long home, boolean pinned, Consumer<Op> sink) {
        this.cluster = cluster;
        this.ops = ops;
        this.home = home;
        this.pinned = pinned;
        this.sink = sink;
    }

    /** The node the op goes to: the one the session is connected to, else its home. */
    String node() {
        return "n" + (session != null && session.server() != 0 ? session.server() : home);
    }

    boolean busy() {
        return current != null;
    }

    void invoke(Op inv) {
        if (session == null || session.expired()) {
            if (session != null) {
                cluster.forget(session);
            }
            session = pinned ? cluster.openPinned(home, SESSION_TIMEOUT_MS) : cluster.openSession(home, SESSION_TIMEOUT_MS);
        }
        current = inv;
        deadlineMs = cluster.nowMs() + ops.timeoutMs(inv);
        int mine = ++token;
        ops.invoke(inv, session, c -> {
            if (token == mine && current != null) {
                current = null;
                sink.accept(c);
            }
        });
    }

    /** After a cluster step: the op that outlived its timeout ends info. */
    void checkTimeout() {
        if (current != null && cluster.nowMs() >= deadlineMs) {
            Op c = current.complete(OpType.INFO, current.value()).withError("no answer within " + ops.timeoutMs(current) + " ms");
            current = null;
            token++;
            sink.accept(c);
        }
    }

    void close() {
        if (session != null) {
            cluster.forget(session);
            session = null;
        }
    }

    @Override
    public String toString() {
        return "SimWorker{" + node() + " " + session + (current == null ? "" : " running " + current) + "}";
    }
}
