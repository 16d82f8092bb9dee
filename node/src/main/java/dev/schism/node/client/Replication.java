package dev.schism.node.client;

/**
 * What the client layer needs from the server's core loop. CONTRACT: implemented by the server shell
 * (dev.schism.node.server), used by {@link ClientLayer}.
 */
public interface Replication {
    /** Runs the task on the core thread, the only thread that touches the Peer and the DataTree. */
    void execute(Runnable task);

    /**
     * Proposes a write (core thread only). The txn payload is the client layer's own encoding; it comes
     * back through {@link ClientLayer#applyCommitted} once committed. False if not serving.
     */
    boolean propose(byte[] payload);

    /**
     * The zxid a reconnecting client's lastZxidSeen is held against, given what the tree has applied (core
     * thread): {@code applied}, unless a seeded bug claims more.
     */
    default long claimedZxid(long applied) {
        return applied;
    }

    /** Whether the named seeded bug (see {@code SeededBugs}) is on; false unless one was injected. Core thread. */
    default boolean seededBug(String name) {
        return false;
    }

    /** Status for the admin words and for refusing clients. Safe to call from any thread. */
    NodeStatus status();

    /**
     * Clock fault injection (the {@code clok} admin word): shifts this server's injectable clock, both the
     * monotonic clock its timeouts use and its wall clock, by {@code deltaMs}; returns the new total
     * offset in ms. Safe to call from any thread.
     */
    long adjustClock(long deltaMs);

    /**
     * This server's wall clock in ms (skewed by {@link #adjustClock}); the origin server stamps it into
     * each write txn as the znodes' ctime/mtime. Any thread.
     */
    default long wallClockMs() {
        return System.currentTimeMillis();
    }

    /** This server's monotonic clock in ms (skewed by {@link #adjustClock}), for session expiry. */
    default long monotonicMs() {
        return System.nanoTime() / 1_000_000L;
    }

    /**
     * True while this server is the established leader, or serving standalone: only then does its client
     * layer expire sessions and reap containers. Core thread.
     */
    default boolean isLeader() {
        NodeStatus s = status();
        return s.serving() && ("leader".equals(s.mode()) || "standalone".equals(s.mode()));
    }

    /**
     * Non-leaders: delivers the ids of sessions whose clients were active here to the leader outside the
     * txn log, as ZooKeeper piggybacks touches on learner pings; the leader's shell hands them to
     * {@link ClientLayer#touchesForwarded}. Returns false if the shell has no such channel, in which case
     * the client layer proposes a touch txn instead (correct, but it costs a zxid and competes with
     * writes). Core thread.
     */
    default boolean forwardTouches(long[] sessionIds) {
        return false;
    }
}
