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

    /** Status for the admin words and for refusing clients. Safe to call from any thread. */
    NodeStatus status();

    /**
     * Clock fault injection (the {@code clok} admin word): shifts this server's injectable clock, both the
     * monotonic clock its timeouts use and its wall clock, by {@code deltaMs}; returns the new total
     * offset in ms. Safe to call from any thread.
     */
    long adjustClock(long deltaMs);
}
