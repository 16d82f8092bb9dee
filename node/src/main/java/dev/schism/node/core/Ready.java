package dev.schism.node.core;

import java.util.List;

/**
 * One batch of work the core asks its shell to do, in this order:
 * <ol>
 *   <li>persist {@code acceptedEpoch} / {@code currentEpoch} if not -1 (temp file + atomic rename);</li>
 *   <li>if {@code snapshotToInstall} is set: persist it, drop the whole log, restore the state machine;</li>
 *   <li>if {@code truncateTo} is not -1: cut the log after that zxid (TRUNC);</li>
 *   <li>append {@code toLog} and fsync (if {@code mustSync}); once forced, call
 *       {@link Peer#persisted(long)} with the last appended zxid (group commit: the shell may fsync
 *       several batches at once, in the background, and report only the last);</li>
 *   <li>send {@code messages}: after 1-3 are durable, but possibly while the fsync of 4 is still running
 *       (as ZooKeeper's leader sends a proposal while logging it). That is safe because the core never
 *       puts a promise about an unpersisted record in a batch: ACKs are produced only after
 *       {@code persisted()};</li>
 *   <li>apply {@code committed} to the state machine, in order, and answer the clients waiting on them;</li>
 *   <li>journal {@code roleChanges} (events.jsonl) and open or close the client port per {@code serving}.</li>
 * </ol>
 */
public record Ready(long acceptedEpoch, long currentEpoch, Snapshot snapshotToInstall, long truncateTo,
                    List<Txn> toLog, boolean mustSync, List<Envelope> messages, List<Txn> committed,
                    List<RoleChange> roleChanges) {

    public boolean isEmpty() {
        return acceptedEpoch < 0 && currentEpoch < 0 && snapshotToInstall == null && truncateTo < 0
                && toLog.isEmpty() && messages.isEmpty() && committed.isEmpty() && roleChanges.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Ready{");
        if (acceptedEpoch >= 0) b.append(" accepted=").append(acceptedEpoch);
        if (currentEpoch >= 0) b.append(" current=").append(currentEpoch);
        if (snapshotToInstall != null) b.append(" install=").append(snapshotToInstall);
        if (truncateTo >= 0) b.append(" trunc=").append(Zxid.hex(truncateTo));
        if (!toLog.isEmpty()) b.append(" log=").append(toLog.size());
        if (!messages.isEmpty()) b.append(" msgs=").append(messages.size());
        if (!committed.isEmpty()) b.append(" commit=").append(committed.size());
        if (!roleChanges.isEmpty()) b.append(" roles=").append(roleChanges);
        return b.append(" }").toString();
    }
}
