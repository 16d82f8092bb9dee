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
