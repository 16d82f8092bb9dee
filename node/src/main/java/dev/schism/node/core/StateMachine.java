package dev.schism.node.core;

/**
 * The replicated state as the core sees it: the shell applies {@link Ready#committed()} txns to it in
 * order; the core asks it for a snapshot when it must SNAP-sync a learner. In the server this is the data
 * tree; in the simulator it is a list of applied payloads.
 */
public interface StateMachine {
    /** Serializes the state as of the last applied txn. */
    Snapshot snapshot();
}
