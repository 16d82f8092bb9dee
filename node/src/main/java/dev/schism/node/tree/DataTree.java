package dev.schism.node.tree;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.StateMachine;
import dev.schism.node.core.Txn;

/**
 * The znode tree. CONTRACT (the server shell is written against these signatures): created empty (with
 * the built-in nodes) at zxid 0, restored from a snapshot, then fed committed txns in order. Not
 * thread-safe: the server calls it only from its core thread.
 */
public final class DataTree implements StateMachine {

    public DataTree() {
        throw new UnsupportedOperationException("TODO client");
    }

    /** Replaces the whole tree with the snapshot's content. */
    public void restore(Snapshot snapshot) {
        throw new UnsupportedOperationException("TODO client");
    }

    /** The zxid of the last applied txn (or of the restored snapshot). */
    public long lastApplied() {
        throw new UnsupportedOperationException("TODO client");
    }

    @Override
    public Snapshot snapshot() {
        throw new UnsupportedOperationException("TODO client");
    }

    public int nodeCount() {
        throw new UnsupportedOperationException("TODO client");
    }
}
