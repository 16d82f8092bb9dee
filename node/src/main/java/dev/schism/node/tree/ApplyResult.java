package dev.schism.node.tree;

import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.Err;
import java.util.List;
import org.apache.jute.Record;

/**
 * The outcome of applying one committed txn: the error code (0 = OK) and the reply record for the client
 * that asked (null when the reply has no body), the watches it fires, and the sessions it touched or
 * closed. Identical on every replica.
 */
public record ApplyResult(long zxid, ClientTxn txn, int err, Record response, List<WatchTrigger> triggers,
                          List<Long> touchedSessions, long closedSession) {
    @Override
    public String toString() {
        return "Applied{0x" + Long.toHexString(zxid) + " " + txn + " -> " + Err.name(err) + " triggers="
                + triggers + "}";
    }
}
