package dev.schism.node.core;

/**
 * Turns {@link Message}s into bytes and back, for the transport (which adds framing and a checksum).
 * CONTRACT: the transport calls exactly these two methods.
 */
public final class MessageCodec {
    private MessageCodec() {
    }

    public static byte[] encode(Message m) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** Throws IllegalArgumentException with a reason if the bytes are not a valid message. */
    public static Message decode(byte[] bytes) {
        throw new UnsupportedOperationException("TODO core");
    }
}
