package dev.schism.harness.checker.latch;

/**
 * How long two latch clients may both believe they lead on a correct ensemble, and why.
 *
 * <p>A new leader is chosen only when the old one's znode goes, that is when its session expires: a
 * session timeout after the ensemble last heard from it. The old leader, meanwhile, stops believing once
 * it learns it lost touch: with {@link Policy#DISCONNECT} (Curator's standard connection-state policy,
 * and the seed recipe) at the first Disconnected, which comes at the client's read timeout (two thirds of
 * the session timeout) or when its server gives up on the quorum and drops its clients (syncLimit ticks
 * of silence, plus a tick to notice); with {@link Policy#SESSION_LOST} (Curator's session policy) only
 * once Curator declares the session lost, a whole session timeout after that. The overlap a correct
 * ensemble allows is what detection takes beyond the session timeout, plus {@code slackMs} for delivering
 * events and scheduling threads on a busy machine.
 */
public record OverlapBound(long sessionTimeoutMs, long tickMs, int syncLimit, Policy policy, long slackMs) {

    /** When a latch client gives up leadership. */
    public enum Policy {
        /** At the first Disconnected (SUSPENDED in Curator's words). */
        DISCONNECT,
        /** Only when the session is declared lost (LOST). */
        SESSION_LOST
    }

    public OverlapBound {
        if (sessionTimeoutMs <= 0 || tickMs <= 0 || syncLimit <= 0 || slackMs < 0) {
            throw new IllegalArgumentException("overlap bound needs positive session timeout, tick and syncLimit, got "
                    + sessionTimeoutMs + " ms, " + tickMs + " ms, " + syncLimit);
        }
    }

    /** The longest a client can keep believing it leads after the ensemble last heard from it. */
    public long detectionMs() {
        long disconnected = Math.max(2 * sessionTimeoutMs / 3, (syncLimit + 1L) * tickMs);
        return policy == Policy.DISCONNECT ? disconnected : disconnected + sessionTimeoutMs;
    }

    /** The longest overlap a correct ensemble allows. */
    public long boundMs() {
        return Math.max(0, detectionMs() - sessionTimeoutMs) + slackMs;
    }

    /** One line: {@code 500 ms (session 2000 ms, detection 1333 ms at disconnect, slack 500 ms)}. */
    @Override
    public String toString() {
        return boundMs() + " ms (session " + sessionTimeoutMs + " ms, detection " + detectionMs() + " ms at "
                + (policy == Policy.DISCONNECT ? "disconnect" : "session loss") + ", slack " + slackMs + " ms)";
    }
}
