package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/**
 * Learner to leader: the learner promised {@code epoch} (ACKEPOCH) and reports its currentEpoch (-1 when it
 * had already accepted this epoch before, which does not count as a promise) and its last logged zxid.
 */
public record AckEpoch(long from, long epoch, long attempt, long currentEpoch, long lastZxid) implements ZabMessage {
    @Override
    public String toString() {
        return "ACKEPOCH{from=" + from + " epoch=" + epoch + " attempt=" + attempt + " current=" + currentEpoch
                + " last=" + Zxid.hex(lastZxid) + "}";
    }
}
