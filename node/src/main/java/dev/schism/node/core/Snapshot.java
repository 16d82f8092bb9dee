package dev.schism.node.core;

/** The serialized state machine as of {@code zxid} (every txn up to and including it applied). */
public record Snapshot(long zxid, byte[] data) {
    @Override
    public String toString() {
        return "Snapshot{" + Zxid.hex(zxid) + ", " + data.length + "B}";
    }
}
