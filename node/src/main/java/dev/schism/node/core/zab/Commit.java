package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/** Leader to follower: everything up to {@code zxid} is committed (cumulative COMMIT). */
public record Commit(long from, long epoch, long zxid) implements ZabMessage {
    @Override
    public String toString() {
        return "COMMIT{from=" + from + " epoch=" + epoch + " zxid=" + Zxid.hex(zxid) + "}";
    }
}
