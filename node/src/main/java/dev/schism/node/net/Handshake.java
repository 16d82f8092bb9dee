package dev.schism.node.net;

import java.nio.ByteBuffer;

/**
 * First frame on every connection: who is dialling and which stream this is, so that a connection that
 * reaches the wrong port (a misconfigured peer, a confused proxy) is refused instead of misread.
 */
public record Handshake(LinkKind kind, long sid) {
    private static final byte VERSION = 1;

    public byte[] encode() {
        return ByteBuffer.allocate(10).put(VERSION).put((byte) kind.ordinal()).putLong(sid).array();
    }

    public static Handshake decode(byte[] b) {
        if (b.length != 10 || b[0] != VERSION || b[1] < 0 || b[1] >= LinkKind.values().length) {
            throw new IllegalArgumentException("not a handshake (" + b.length + " bytes)");
        }
        return new Handshake(LinkKind.values()[b[1]], ByteBuffer.wrap(b, 2, 8).getLong());
    }

    @Override
    public String toString() {
        return "Handshake{" + kind + " from " + sid + "}";
    }
}
