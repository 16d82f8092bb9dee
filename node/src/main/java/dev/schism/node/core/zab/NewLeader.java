package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/** Leader to learner after the sync packet: ack me once the synced history is durable (NEWLEADER). */
public record NewLeader(long from, long epoch, long attempt) implements ZabMessage {
    @Override
    public String toString() {
        return "NEWLEADER{from=" + from + " zxid=" + Zxid.hex(Zxid.make(epoch, 0)) + " attempt=" + attempt + "}";
    }
}
