package dev.schism.node.tree;

import dev.schism.node.core.Txn;
import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.CheckVersionRequest;
import org.apache.zookeeper.proto.CreateRequest;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.SetDataRequest;

/** Builds committed txns for tree tests: one session, increasing zxids, a fixed clock. */
final class TxnBuilder {
    final long session;
    long zxid = 0x100000000L;
    int cxid;

    TxnBuilder(long session) {
        this.session = session;
    }

    Txn txn(int op, byte[] body) {
        return txn(session, op, body);
    }

    Txn txn(long sessionId, int op, byte[] body) {
        return txnFrom(1, sessionId, op, body);
    }

    /** A txn that came in through server {@code origin}. */
    Txn txnFrom(long origin, long sessionId, int op, byte[] body) {
        zxid++;
        return new Txn(zxid, new ClientTxn(origin, sessionId, ++cxid, op, 1000 + zxid, body).encode());
    }

    Txn createSession(long id, int timeout) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BinaryOutputArchive.getArchive(bytes).writeInt(timeout, "timeout");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return txn(id, OpCode.CREATE_SESSION, bytes.toByteArray());
    }

    Txn closeSession(long id) {
        return txn(id, OpCode.CLOSE_SESSION, new byte[0]);
    }

    static CreateRequest createReq(String path, String data, int flags) {
        return new CreateRequest(path, data.getBytes(StandardCharsets.UTF_8), DataTree.OPEN_ACL, flags);
    }

    Txn create(String path, String data, int flags) {
        return txn(flags == 4 ? OpCode.CREATE_CONTAINER : OpCode.CREATE2, Jute.toBytes(createReq(path, data, flags)));
    }

    Txn delete(String path, int version) {
        return txn(OpCode.DELETE, Jute.toBytes(new DeleteRequest(path, version)));
    }

    Txn setData(String path, String data, int version) {
        return txn(OpCode.SET_DATA, Jute.toBytes(new SetDataRequest(path, data.getBytes(StandardCharsets.UTF_8),
                version)));
    }

    Txn multi(Object... typeAndRecord) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BinaryOutputArchive out = BinaryOutputArchive.getArchive(bytes);
            for (int i = 0; i < typeAndRecord.length; i += 2) {
                new MultiHeader((Integer) typeAndRecord[i], false, -1).serialize(out, "h");
                ((Record) typeAndRecord[i + 1]).serialize(out, "r");
            }
            new MultiHeader(-1, true, -1).serialize(out, "h");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return txn(OpCode.MULTI, bytes.toByteArray());
    }

    static CheckVersionRequest check(String path, int version) {
        return new CheckVersionRequest(path, version);
    }
}
