package dev.schism.node.txn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One replicated client-layer transaction: who asked (origin server, session, cxid), what (op code and the
 * jute request body as the client sent it) and when (the origin server's wall clock, which becomes the
 * znodes' ctime/mtime on every replica).
 *
 * <p>Layout: {@code int format=1, long origin, long sessionId, int cxid, int opType, long timeMs,
 * int bodyLength, body}.
 */
public record ClientTxn(long origin, long sessionId, int cxid, int opType, long timeMs, byte[] body) {
    private static final int FORMAT = 1;

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(40 + body.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(origin);
            out.writeLong(sessionId);
            out.writeInt(cxid);
            out.writeInt(opType);
            out.writeLong(timeMs);
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a payload; a payload that is not a client txn is an IllegalArgumentException naming why. */
    public static ClientTxn decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("txn payload: unknown format " + format);
            }
            long origin = in.readLong();
            long session = in.readLong();
            int cxid = in.readInt();
            int op = in.readInt();
            long time = in.readLong();
            int len = in.readInt();
            if (len < 0 || len > payload.length) {
                throw new IllegalArgumentException("txn payload: body length " + len + " of " + payload.length);
            }
            byte[] body = new byte[len];
            in.readFully(body);
            return new ClientTxn(origin, session, cxid, op, time, body);
        } catch (IOException e) {
            throw new IllegalArgumentException("txn payload truncated (" + payload.length + " bytes)", e);
        }
    }

    @Override
    public String toString() {
        return "ClientTxn{" + OpCode.name(opType) + " session=0x" + Long.toHexString(sessionId) + " cxid=" + cxid
                + " origin=" + origin + " t=" + timeMs + " body=" + body.length + "B}";
    }
}
