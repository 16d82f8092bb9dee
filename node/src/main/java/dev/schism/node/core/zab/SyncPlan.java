package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/**
 * The leader's decision for one learner, following ZooKeeper's {@code syncFollower} rules (reference §2.4),
 * with the log tail {@code (base, last]} the leader holds in memory:
 * <ol>
 *   <li>peerLast == last: empty DIFF;</li>
 *   <li>peerLast above last (and not a new-epoch zxid): TRUNC to last;</li>
 *   <li>peerLast within [base, last]: DIFF from it if the leader has it; otherwise TRUNC to the leader's
 *       previous zxid, or SNAP if that truncation would cross an epoch boundary;</li>
 *   <li>otherwise SNAP.</li>
 * </ol>
 * {@code from} is the zxid after which the leader sends its log (for SNAP: filled in from the snapshot).
 */
public record SyncPlan(SyncMode mode, long truncateTo, long from) {

    public static SyncPlan decide(long peerLast, TxnLog log) {
        long last = log.last();
        long base = log.base();
        if (peerLast == last) {
            return new SyncPlan(SyncMode.DIFF, -1, peerLast);
        }
        if (peerLast > last && Zxid.counter(peerLast) != 0) {
            return new SyncPlan(SyncMode.TRUNC, last, last);
        }
        if (peerLast >= base && peerLast <= last) {
            if (log.hasPoint(peerLast)) {
                return new SyncPlan(SyncMode.DIFF, -1, peerLast);
            }
            long previous = log.floorBelow(peerLast);
            if (Zxid.epoch(previous) != Zxid.epoch(peerLast)) {
                return snap();
            }
            return new SyncPlan(SyncMode.TRUNC, previous, previous);
        }
        return snap();
    }

    private static SyncPlan snap() {
        return new SyncPlan(SyncMode.SNAP, -1, -1);
    }

    @Override
    public String toString() {
        return mode + (mode == SyncMode.TRUNC ? " to " + Zxid.hex(truncateTo) : "")
                + (from >= 0 ? " from " + Zxid.hex(from) : "");
    }
}
