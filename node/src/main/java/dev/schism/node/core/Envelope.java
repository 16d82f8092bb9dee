package dev.schism.node.core;

/** A message and the sid it must be sent to. */
public record Envelope(long to, Message message) {
    @Override
    public String toString() {
        return "->" + to + " " + message;
    }
}
