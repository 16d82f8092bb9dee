package dev.schism.node.client;

import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import dev.schism.node.txn.RequestRecords;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.MultiHeader;
import org.apache.zookeeper.proto.RequestHeader;

/**
 * Parses a request frame ({@code RequestHeader} + body) on the IO thread, so a malformed frame is found
 * before anything reaches the core thread and closes only its own connection.
 */
final class RequestDecoder {
    private static final byte[] NO_BODY = new byte[0];

    private RequestDecoder() {
    }

    /**
     * Writes carry their raw body into the txn and a multi-read is parsed only when answered; every other read
     * is fully parsed here, so copying its body would be a wasted allocation on the hottest path.
     */
    private static boolean keepsRawBody(int type) {
        return OpCode.isWrite(type) || type == OpCode.MULTI_READ;
    }

    static Request decode(byte[] frame, long nowNanos) throws IOException {
        if (frame.length < 8) {
            throw new IOException("request frame of " + frame.length + " bytes has no header");
        }
        BinaryInputArchive in = Jute.archive(frame);
        RequestHeader h = new RequestHeader();
        try {
            h.deserialize(in, "header");
            byte[] body = keepsRawBody(h.getType()) ? Arrays.copyOfRange(frame, 8, frame.length) : NO_BODY;
            Record record = body(h.getType(), in);
            return new Request(h.getXid(), h.getType(), record, body, nowNanos);
        } catch (IOException | RuntimeException e) {
            throw new IOException("malformed " + OpCode.name(h.getType()) + " request (" + frame.length + " bytes): "
                    + reason(e), e);
        }
    }

    /** Why jute gave up on a frame; its EOFException carries no message, which would log as "null". */
    static String reason(Exception e) {
        if (e instanceof EOFException) {
            return "frame ends before the record does";
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private static Record body(int type, BinaryInputArchive in) throws IOException {
        Record r = RequestRecords.newFor(type);
        if (r != null) {
            r.deserialize(in, "request");
        } else if (type == OpCode.MULTI || type == OpCode.MULTI_READ) {
            validateMulti(in);
        }
        return r;
    }


    /** Walks a multi's sub-ops to reject a malformed one here rather than at apply time. */
    private static void validateMulti(BinaryInputArchive in) throws IOException {
        for (int i = 0; ; i++) {
            MultiHeader h = new MultiHeader();
            h.deserialize(in, "h");
            if (h.getDone()) {
                return;
            }
            Record sub = switch (h.getType()) {
                case OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL, OpCode.DELETE,
                     OpCode.SET_DATA, OpCode.CHECK, OpCode.GET_CHILDREN, OpCode.GET_DATA -> RequestRecords.newFor(h.getType());
                default -> throw new IOException("multi op " + i + ": unsupported type " + h.getType());
            };
            sub.deserialize(in, "op");
        }
    }
}
