package dev.schism.node.client;

import dev.schism.node.core.Txn;
import dev.schism.node.tree.DataTree;

/**
 * The client port. CONTRACT (the server shell is written against these signatures):
 * constructed with the tree and the replication handle, started once the core loop runs; the shell
 * calls {@link #applyCommitted} for every committed txn (core thread, zxid order) and
 * {@link #servingChanged} when the server starts or stops serving.
 */
public final class ClientLayer implements AutoCloseable {

    public ClientLayer(ClientConfig config, DataTree tree, Replication replication) {
        throw new UnsupportedOperationException("TODO client");
    }

    /** Binds the client port. */
    public void start() throws java.io.IOException {
        throw new UnsupportedOperationException("TODO client");
    }

    /** Bound port (useful when configured as 0). */
    public int port() {
        throw new UnsupportedOperationException("TODO client");
    }

    /** Applies a committed txn to the tree and answers the client waiting for it, if connected here. */
    public void applyCommitted(Txn txn) {
        throw new UnsupportedOperationException("TODO client");
    }

    /** Not serving: close every client connection (as ZooKeeper does) and refuse new sessions. */
    public void servingChanged(boolean serving) {
        throw new UnsupportedOperationException("TODO client");
    }

    /** Called on the core thread every core tick (session expiry bookkeeping). */
    public void tick() {
        throw new UnsupportedOperationException("TODO client");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("TODO client");
    }
}
