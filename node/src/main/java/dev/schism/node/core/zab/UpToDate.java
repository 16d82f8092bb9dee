package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/** Leader to learner: the epoch is established, start serving; everything up to {@code committed} is committed. */
public record UpToDate(long from, long epoch, long committed) implements ZabMessage {
    @Override
    public String toString() {
        return "UPTODATE{from=" + from + " epoch=" + epoch + " committed=" + Zxid.hex(committed) + "}";
    }
}
