package dev.schism.node.core.zab;

import dev.schism.node.core.Txn;

/** Leader to follower: log this txn and ACK it once durable (PROPOSAL). */
public record Proposal(long from, long epoch, Txn txn) implements ZabMessage {
    @Override
    public String toString() {
        return "PROPOSAL{from=" + from + " epoch=" + epoch + " " + txn + "}";
    }
}
