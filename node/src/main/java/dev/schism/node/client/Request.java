package dev.schism.node.client;

import dev.schism.node.txn.OpCode;
import org.apache.jute.Record;

/**
 * One decoded client request: its xid, op code, parsed record (null for ops without a body) and the raw
 * body bytes, which a write carries unchanged into its txn (empty for reads other than multi-read, which
 * need only the record). {@code receivedNanos} feeds latency stats.
 */
record Request(int xid, int type, Record record, byte[] body, long receivedNanos) {
    boolean isWrite() {
        return OpCode.isWrite(type);
    }

    @Override
    public String toString() {
        return "Request{xid=" + xid + " " + OpCode.name(type) + (body.length > 0 ? " " + body.length + "B" : "") + "}";
    }
}
