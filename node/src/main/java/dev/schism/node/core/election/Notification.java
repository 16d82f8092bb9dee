package dev.schism.node.core.election;

import dev.schism.node.core.Message;
import dev.schism.node.core.Role;
import dev.schism.node.core.Zxid;

/**
 * A FastLeaderElection notification (election port): the sender's state, its current vote and its
 * election round ({@code electionEpoch}, the sender's logical clock). {@code version} is 2.
 */
public record Notification(long from, Role state, long leader, long zxid, long electionEpoch, long peerEpoch,
                           int version) implements Message {
    public static final int VERSION = 2;

    public Notification(long from, Role state, Vote vote, long electionEpoch) {
        this(from, state, vote.leader(), vote.zxid(), electionEpoch, vote.peerEpoch(), VERSION);
    }

    public Vote vote() {
        return new Vote(leader, zxid, peerEpoch);
    }

    @Override
    public boolean election() {
        return true;
    }

    @Override
    public String toString() {
        return "NOTIFICATION{from=" + from + " " + state + " leader=" + leader + " zxid=" + Zxid.hex(zxid)
                + " round=" + electionEpoch + " peerEpoch=" + peerEpoch + "}";
    }
}
