package dev.schism.node.core.election;

import dev.schism.node.core.Zxid;

/**
 * A proposed leader: its sid, its last logged zxid and its epoch (the proposer's currentEpoch).
 * {@link #beats} is FastLeaderElection's total order: higher epoch, then higher zxid, then higher sid.
 */
public record Vote(long leader, long zxid, long peerEpoch) {
    /** The vote of a non-voter (observer): it can never win. */
    public static final Vote NONE = new Vote(Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE);

    /** True if this vote is strictly better than {@code other}. */
    public boolean beats(Vote other) {
        if (peerEpoch != other.peerEpoch) {
            return peerEpoch > other.peerEpoch;
        }
        if (zxid != other.zxid) {
            return zxid > other.zxid;
        }
        return leader > other.leader;
    }

    /** The seeded bug fle-ignores-zxid: the order without the zxid (epoch, then sid). */
    public boolean beatsIgnoringZxid(Vote other) {
        if (peerEpoch != other.peerEpoch) {
            return peerEpoch > other.peerEpoch;
        }
        return leader > other.leader;
    }

    public Vote withEpoch(long epoch) {
        return new Vote(leader, zxid, epoch);
    }

    @Override
    public String toString() {
        return leader == Long.MIN_VALUE ? "(none)"
                : "(" + leader + ", " + Zxid.hex(zxid) + ", e" + peerEpoch + ")";
    }
}
