package dev.schism.node.core.zab;

/**
 * Learner to leader, first packet of a learner session (FOLLOWERINFO, or OBSERVERINFO when
 * {@code observer}). {@code attempt} names the session: the leader echoes it so that packets of an older
 * session of the same learner are recognised.
 */
public record FollowerInfo(long from, long epoch, long attempt, boolean observer) implements ZabMessage {
    @Override
    public String toString() {
        return (observer ? "OBSERVERINFO" : "FOLLOWERINFO") + "{from=" + from + " accepted=" + epoch + " attempt="
                + attempt + "}";
    }
}
