package dev.schism.node.txn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.data.Id;

/**
 * One replicated client-layer transaction: who asked (origin server, session, cxid), what (op code and the
 * jute request body as the client sent it) and when (the origin server's wall clock, which becomes the
 * znodes' ctime/mtime on every replica), and the identities the asking connection had proven, so that
 * every replica judges the write against the znodes' ACLs alike, as ZooKeeper's leader does with the
 * auth info a learner forwards.
 *
 * <p>Layout: {@code int format=2, long origin, long sessionId, int cxid, int opType, long timeMs,
 * int bodyLength, body, int idCount, (utf scheme, utf id)*}. Format 1 (no identities) is still read.
 */
public record ClientTxn(long origin, long sessionId, int cxid, int opType, long timeMs, byte[] body,
                        List<Id> auth) {
    private static final int FORMAT_1 = 1;
    private static final int FORMAT = 2;

    public ClientTxn {
        auth = List.copyOf(auth);
    }

    /** A txn no client identity stands behind (sessions, the leader's own reaping). */
    public ClientTxn(long origin, long sessionId, int cxid, int opType, long timeMs, byte[] body) {
        this(origin, sessionId, cxid, opType, timeMs, body, List.of());
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 + body.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeLong(origin);
            out.writeLong(sessionId);
            out.writeInt(cxid);
            out.writeInt(opType);
            out.writeLong(timeMs);
            out.writeInt(body.length);
            out.write(body);
            out.writeInt(auth.size());
            for (Id id : auth) {
                out.writeUTF(id.getScheme());
                out.writeUTF(id.getId());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Decodes a payload; a payload that is not a client txn is an IllegalArgumentException naming why. */
    public static ClientTxn decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int format = in.readInt();
            if (format != FORMAT && format != FORMAT_1) {
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
            List<Id> auth = new ArrayList<>();
            if (format == FORMAT) {
                int ids = in.readInt();
                if (ids < 0 || ids > payload.length) {
                    throw new IllegalArgumentException("txn payload: identity count " + ids);
                }
                for (int i = 0; i < ids; i++) {
                    auth.add(new Id(in.readUTF(), in.readUTF()));
                }
            }
            return new ClientTxn(origin, session, cxid, op, time, body, auth);
        } catch (IOException e) {
            throw new IllegalArgumentException("txn payload truncated (" + payload.length + " bytes)", e);
        }
    }

    @Override
    public String toString() {
        return "ClientTxn{" + OpCode.name(opType) + " session=0x" + Long.toHexString(sessionId) + " cxid=" + cxid
                + " origin=" + origin + " t=" + timeMs + " body=" + body.length + "B ids=" + auth.size() + "}";
    }
}
