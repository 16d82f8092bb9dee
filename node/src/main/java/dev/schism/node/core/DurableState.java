package dev.schism.node.core;

import java.util.List;

/**
 * What a server has on disk when it starts: the two epoch files, the latest snapshot (or null for an
 * empty tree at zxid 0), and the logged transactions after the snapshot, in zxid order.
 */
public record DurableState(long acceptedEpoch, long currentEpoch, Snapshot snapshot, List<Txn> log) {
    public long lastLoggedZxid() {
        if (!log.isEmpty()) {
            return log.get(log.size() - 1).zxid();
        }
        return snapshot == null ? 0 : snapshot.zxid();
    }

    @Override
    public String toString() {
        return "DurableState{accepted=" + acceptedEpoch + " current=" + currentEpoch + " snap="
                + snapshot + " log=" + log.size() + " last=" + Zxid.hex(lastLoggedZxid()) + "}";
    }
}
