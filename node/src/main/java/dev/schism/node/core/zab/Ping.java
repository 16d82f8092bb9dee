package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/**
 * Leader to learner heartbeat of an established epoch, carrying the commit point (so a lost COMMIT or
 * UPTODATE is repaired by the next PING). The learner answers with its cumulative ACK.
 */
public record Ping(long from, long epoch, long committed) implements ZabMessage {
    @Override
    public String toString() {
        return "PING{from=" + from + " epoch=" + epoch + " committed=" + Zxid.hex(committed) + "}";
    }
}
