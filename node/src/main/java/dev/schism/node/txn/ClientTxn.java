package dev.schism.node.txn;

import dev.schism.node.bytes.BigEndian;
import dev.schism.node.bytes.ByteWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
    /** format, origin, session, cxid, op, time, body length. */
    private static final int FIXED = 40;

    public ClientTxn {
        auth = List.copyOf(auth);
    }

    /** A txn no client identity stands behind (sessions, the leader's own reaping). */
    public ClientTxn(long origin, long sessionId, int cxid, int opType, long timeMs, byte[] body) {
        this(origin, sessionId, cxid, opType, timeMs, body, List.of());
    }

    public byte[] encode() {
        if (!auth.isEmpty()) {
            return encodeWithIdentities();
        }
        // the usual case, on the hot path of every write: no stream, one exactly sized array
        return new ByteWriter(FIXED + body.length + 4).writeInt(FORMAT).writeLong(origin).writeLong(sessionId)
                .writeInt(cxid).writeInt(opType).writeLong(timeMs).writeInt(body.length).write(body).writeInt(0)
                .toByteArray();
    }

    private byte[] encodeWithIdentities() {
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
        if (payload.length < FIXED) {
            throw truncated(payload, null);
        }
        int format = BigEndian.getInt(payload, 0);
        if (format != FORMAT && format != FORMAT_1) {
            throw new IllegalArgumentException("txn payload: unknown format " + format);
        }
        long origin = BigEndian.getLong(payload, 4);
        long session = BigEndian.getLong(payload, 12);
        int cxid = BigEndian.getInt(payload, 20);
        int op = BigEndian.getInt(payload, 24);
        long time = BigEndian.getLong(payload, 28);
        int len = BigEndian.getInt(payload, 36);
        if (len < 0 || len > payload.length) {
            throw new IllegalArgumentException("txn payload: body length " + len + " of " + payload.length);
        }
        if (FIXED + len > payload.length) {
            throw truncated(payload, null);
        }
        byte[] body = Arrays.copyOfRange(payload, FIXED, FIXED + len);
        List<Id> auth = format == FORMAT ? identities(payload, FIXED + len) : List.of();
        return new ClientTxn(origin, session, cxid, op, time, body, auth);
    }

    private static List<Id> identities(byte[] payload, int at) {
        if (at + 4 > payload.length) {
            throw truncated(payload, null);
        }
        int ids = BigEndian.getInt(payload, at);
        if (ids < 0 || ids > payload.length) {
            throw new IllegalArgumentException("txn payload: identity count " + ids);
        }
        if (ids == 0) {
            return List.of();
        }
        List<Id> auth = new ArrayList<>(ids);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload, at + 4, payload.length))) {
            for (int i = 0; i < ids; i++) {
                auth.add(new Id(in.readUTF(), in.readUTF()));
            }
        } catch (IOException e) {
            throw truncated(payload, e);
        }
        return auth;
    }

    private static IllegalArgumentException truncated(byte[] payload, IOException cause) {
        return new IllegalArgumentException("txn payload truncated (" + payload.length + " bytes)", cause);
    }

    @Override
    public String toString() {
        return "ClientTxn{" + OpCode.name(opType) + " session=0x" + Long.toHexString(sessionId) + " cxid=" + cxid
                + " origin=" + origin + " t=" + timeMs + " body=" + body.length + "B ids=" + auth.size() + "}";
    }
}
