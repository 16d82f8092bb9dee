package dev.schism.node.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the actions the protocol decides on between two {@link Peer#ready()} calls and hands them out
 * as one {@link Ready}. It keeps the batch executable in {@link Ready}'s fixed order: a truncation or a
 * snapshot requested after some appends of the same batch rewrites those appends instead of letting the
 * shell run them in the wrong order.
 */
public final class Outbox {
    private long acceptedEpoch = -1;
    private long currentEpoch = -1;
    private Snapshot snapshot;
    private long truncateTo = -1;
    private List<Txn> toLog = new ArrayList<>();
    private List<Envelope> messages = new ArrayList<>();
    private List<Txn> committed = new ArrayList<>();
    private List<RoleChange> roleChanges = new ArrayList<>();
    private static final Ready NOTHING = new Ready(-1, -1, null, -1, List.of(), false, List.of(), List.of(),
            List.of());

    private boolean nothingPending() {
        return acceptedEpoch < 0 && currentEpoch < 0 && snapshot == null && truncateTo < 0 && toLog.isEmpty()
                && messages.isEmpty() && committed.isEmpty() && roleChanges.isEmpty();
    }

    public void send(long to, Message m) {
        messages.add(new Envelope(to, m));
    }

    public void acceptedEpoch(long epoch) {
        acceptedEpoch = epoch;
    }

    public void currentEpoch(long epoch) {
        currentEpoch = epoch;
    }

    public void append(Txn txn) {
        toLog.add(txn);
    }

    /** Cut the log after {@code zxid}; appends of this batch above it are simply not written. */
    public void truncate(long zxid) {
        if (!toLog.isEmpty() && toLog.get(0).zxid() <= zxid) {
            toLog.removeIf(t -> t.zxid() > zxid);
            return;
        }
        toLog.clear();
        truncateTo = truncateTo < 0 ? zxid : Math.min(truncateTo, zxid);
    }

    /**
     * Replace the whole log and state by a snapshot; earlier appends and applies of this batch vanish. Applies
     * above the snapshot vanish too: the core's commit point drops to the snapshot with it, so it hands those
     * txns out again once they are in the new log, and applying them now as well would apply them twice.
     */
    public void installSnapshot(Snapshot s) {
        snapshot = s;
        truncateTo = -1;
        toLog.clear();
        committed.clear();
    }

    public void commit(Txn txn) {
        committed.add(txn);
    }

    public void roleChange(RoleChange change) {
        roleChanges.add(change);
    }

    public Ready drain() {
        if (nothingPending()) {
            return NOTHING; // a shell drains until empty, so most calls end here: no lists, no Ready
        }
        // No message of this core depends on the durability of appends made in the same batch (every
        // durability-dependent packet is produced by persisted()), so when both are pending the messages go
        // first, in a batch without appends: a shell that holds messages until its fsync need not hold
        // these, and proposals reach followers while the leader's own fsync is still running. The appends,
        // applies and role changes stay for the next batch.
        boolean messagesFirst = !toLog.isEmpty() && !messages.isEmpty();
        Ready r = messagesFirst
                ? new Ready(acceptedEpoch, currentEpoch, snapshot, truncateTo, List.of(), false, messages, List.of(),
                        List.of())
                : new Ready(acceptedEpoch, currentEpoch, snapshot, truncateTo, toLog, !toLog.isEmpty(), messages,
                        committed, roleChanges);
        acceptedEpoch = -1;
        currentEpoch = -1;
        snapshot = null;
        truncateTo = -1;
        messages = new ArrayList<>();
        if (!messagesFirst) {
            toLog = new ArrayList<>();
            committed = new ArrayList<>();
            roleChanges = new ArrayList<>();
        }
        return r;
    }

    @Override
    public String toString() {
        return "Outbox{log=" + toLog.size() + " msgs=" + messages.size() + " commit=" + committed.size() + "}";
    }
}
