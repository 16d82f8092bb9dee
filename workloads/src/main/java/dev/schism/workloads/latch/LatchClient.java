package dev.schism.workloads.latch;

import dev.schism.harness.checker.latch.LatchReport;
import dev.schism.harness.runner.Client;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;

/**
 * One worker thread's latch client. Each {@code leadership} op waits up to {@link #WAIT_MS} for the
 * client's next change of belief and completes with it (and how long ago it happened); if none comes it
 * completes with the belief the client still holds. So the history holds every change, at the moment the
 * recipe made it, and a fresh sign of life at least every {@link #WAIT_MS}.
 */
final class LatchClient implements Client {
    /** The longest an op waits for a change; bounds how stale the end of a term can be. */
    static final long WAIT_MS = 500;

    private final Candidate candidate;
    private final Beliefs beliefs;
    private final String node;
    private boolean reported;

    LatchClient(Candidate candidate, Beliefs beliefs, String node) {
        this.candidate = candidate;
        this.beliefs = beliefs;
        this.node = node;
    }

    @Override
    public Op invoke(Op op) throws Exception {
        if (!op.f().equals(LatchReport.F)) {
            return op.complete(OpType.FAIL, op.value()).withError("unknown op '" + op.f() + "' (the latch workload only reports leadership)");
        }
        Beliefs.Change c = beliefs.next(WAIT_MS);
        if (c == null) {
            return op.complete(OpType.OK, LatchReport.value(candidate.id(), candidate.election(), reported, false, 0));
        }
        reported = c.leader();
        long lag = Math.max(0, System.nanoTime() - c.nanos());
        return op.complete(OpType.OK, LatchReport.value(candidate.id(), candidate.election(), c.leader(), true, lag));
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void close() {
        candidate.close();
    }

    @Override
    public String toString() {
        return "latch-client{" + candidate + ", " + beliefs + "}";
    }
}
