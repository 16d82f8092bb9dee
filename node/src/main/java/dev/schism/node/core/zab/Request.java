package dev.schism.node.core.zab;

/**
 * Learner to leader: a client write to propose (REQUEST). {@code requestId} grows within the learner
 * session {@code attempt}, so a duplicated packet is proposed only once.
 */
public record Request(long from, long epoch, long attempt, long requestId, byte[] payload) implements ZabMessage {
    @Override
    public String toString() {
        return "REQUEST{from=" + from + " epoch=" + epoch + " attempt=" + attempt + " id=" + requestId + " "
                + payload.length + "B}";
    }
}
