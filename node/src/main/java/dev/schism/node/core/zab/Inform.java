package dev.schism.node.core.zab;

import dev.schism.node.core.Txn;

/** Leader to observer: a committed txn, to log and apply (INFORM). */
public record Inform(long from, long epoch, Txn txn) implements ZabMessage {
    @Override
    public String toString() {
        return "INFORM{from=" + from + " epoch=" + epoch + " " + txn + "}";
    }
}
