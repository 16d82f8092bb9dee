package dev.schism.node.sim;

import dev.schism.node.core.Peer;
import dev.schism.node.core.PeerConfig;

/** One simulated server: its disk survives crashes; its peer and state machine do not. */
final class SimNode {
    final long sid;
    final PeerConfig config;
    final SimDisk disk = new SimDisk();
    final SimMachine machine = new SimMachine();
    Peer peer;
    int boots;
    /** An fsync is running; it completes at {@link #fsyncAt} (group commit: it covers every append so far). */
    boolean fsyncPending;
    long fsyncAt;
    /** Messages of batches that logged something, held until that fsync completes (in order). */
    final java.util.List<dev.schism.node.core.Envelope> held = new java.util.ArrayList<>();

    SimNode(long sid, PeerConfig config) {
        this.sid = sid;
        this.config = config;
    }

    boolean alive() {
        return peer != null;
    }

    @Override
    public String toString() {
        return "n" + sid + (peer == null ? " down" : " " + peer) + " " + disk;
    }
}
