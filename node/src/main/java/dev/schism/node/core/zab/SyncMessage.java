package dev.schism.node.core.zab;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;

import java.util.List;

/**
 * Leader to learner: how to make the learner's log a prefix of the leader's history (DIFF, TRUNC or SNAP),
 * computed for the learner's reported last zxid {@code peerLast}. TRUNC cuts the log after
 * {@code truncateTo}; SNAP replaces it by {@code snapshot}; then {@code txns} are appended. {@code committed}
 * is the leader's commit point when the plan was made. Sent as one packet, so it cannot arrive half.
 */
public record SyncMessage(long from, long epoch, long attempt, SyncMode mode, long peerLast, long truncateTo,
                          Snapshot snapshot, List<Txn> txns, long committed) implements ZabMessage {
    @Override
    public String toString() {
        return mode + "{from=" + from + " epoch=" + epoch + " attempt=" + attempt + " peerLast=" + Zxid.hex(peerLast)
                + (mode == SyncMode.TRUNC ? " trunc=" + Zxid.hex(truncateTo) : "")
                + (snapshot != null ? " snap=" + snapshot : "") + " txns=" + txns.size() + " committed="
                + Zxid.hex(committed) + "}";
    }
}
