package dev.schism.node.core;

import java.util.Arrays;

/**
 * A transaction as ZAB sees it: a zxid and an opaque payload. The payload's meaning (a create, a setData,
 * a session close ...) belongs to the state machine; the protocol only orders, persists and delivers it.
 */
public record Txn(long zxid, byte[] payload) {
    @Override
    public boolean equals(Object o) {
        return o instanceof Txn t && t.zxid == zxid && Arrays.equals(t.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(zxid) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Txn{" + Zxid.hex(zxid) + ", " + payload.length + "B}";
    }
}
