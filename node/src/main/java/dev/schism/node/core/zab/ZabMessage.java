package dev.schism.node.core.zab;

import dev.schism.node.core.Message;

/**
 * A packet on the quorum port between a leader and its learners. Every packet carries the epoch it
 * belongs to, so a packet of an older (or foreign) leader session is recognised and ignored.
 */
public sealed interface ZabMessage extends Message
        permits FollowerInfo, LeaderInfo, AckEpoch, SyncMessage, NewLeader, Ack, UpToDate, Proposal, Commit,
        Inform, Ping, Request {
    /** The ZAB epoch this packet belongs to (for FOLLOWERINFO: the learner's acceptedEpoch). */
    long epoch();

    @Override
    default boolean election() {
        return false;
    }
}
