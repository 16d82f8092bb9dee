package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/**
 * Learner to leader. With a zero counter ({@code epoch << 32}) it acknowledges NEWLEADER; otherwise it is
 * cumulative: everything up to {@code zxid} is durable on the learner.
 */
public record Ack(long from, long epoch, long attempt, long zxid) implements ZabMessage {
    public boolean isNewLeaderAck() {
        return zxid == Zxid.make(epoch, 0);
    }

    @Override
    public String toString() {
        return "ACK{from=" + from + " epoch=" + epoch + " attempt=" + attempt + " zxid=" + Zxid.hex(zxid) + "}";
    }
}
