package dev.schism.node.core.zab;

import dev.schism.node.core.Zxid;

/**
 * The leader's view of one learner session: where the learner is in discovery and sync, the sync packet
 * to re-send until NEWLEADER is acknowledged, and the learner's cumulative ack.
 */
final class LearnerHandler {
    enum Stage {
        /** FOLLOWERINFO received, the new epoch is not known yet. */
        CONNECTED,
        /** LEADERINFO sent, waiting for ACKEPOCH. */
        INFO_SENT,
        /** ACKEPOCH received, waiting for the leader to finish discovery. */
        EPOCH_ACKED,
        /** Sync packet and NEWLEADER sent, waiting for the NEWLEADER ack. */
        SYNC_SENT,
        /** NEWLEADER acknowledged: the learner is part of the broadcast. */
        SYNCED
    }

    final long sid;
    final long attempt;
    final boolean observer;
    final long acceptedEpoch;
    Stage stage = Stage.CONNECTED;
    long peerLast = -1;
    boolean promised;
    SyncMessage sync;
    long acked = -1;
    long ackedAtLastPing = -1;
    long lastHeard;
    long lastRequestId;

    LearnerHandler(long sid, long attempt, boolean observer, long acceptedEpoch, long now) {
        this.sid = sid;
        this.attempt = attempt;
        this.observer = observer;
        this.acceptedEpoch = acceptedEpoch;
        this.lastHeard = now;
    }

    @Override
    public String toString() {
        return "Handler{" + sid + (observer ? " observer" : "") + " attempt=" + attempt + " " + stage + " acked="
                + Zxid.hex(acked) + "}";
    }
}
