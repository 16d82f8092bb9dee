package dev.schism.node.core.zab;

/** Leader to learner: the epoch the leader proposes (LEADERINFO), for the learner session {@code attempt}. */
public record LeaderInfo(long from, long epoch, long attempt) implements ZabMessage {
    @Override
    public String toString() {
        return "LEADERINFO{from=" + from + " epoch=" + epoch + " attempt=" + attempt + "}";
    }
}
