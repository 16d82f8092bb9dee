package dev.schism.node.sim;

import dev.schism.node.core.DurableState;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;

import java.util.ArrayList;
import java.util.List;

/**
 * A server's simulated disk. Epoch files and snapshots are written atomically (temp file + rename); log
 * appends are volatile until fsynced, and a crash keeps only the fsynced prefix.
 */
final class SimDisk {
    long acceptedEpoch;
    long currentEpoch;
    Snapshot snapshot;
    final List<Txn> log = new ArrayList<>();
    int synced;

    DurableState recover() {
        return new DurableState(acceptedEpoch, currentEpoch, snapshot, List.copyOf(log));
    }

    void crash() {
        while (log.size() > synced) {
            log.remove(log.size() - 1);
        }
    }

    void truncate(long zxid) {
        while (!log.isEmpty() && log.get(log.size() - 1).zxid() > zxid) {
            log.remove(log.size() - 1);
        }
        synced = Math.min(synced, log.size());
    }

    void install(Snapshot s) {
        snapshot = s;
        log.clear();
        synced = 0;
    }

    /** A snapshot taken by the server itself: log entries it covers are dropped. */
    void compact(Snapshot s) {
        snapshot = s;
        int drop = 0;
        while (drop < log.size() && log.get(drop).zxid() <= s.zxid()) {
            drop++;
        }
        log.subList(0, drop).clear();
        synced = Math.max(0, synced - drop);
    }

    @Override
    public String toString() {
        return "SimDisk{accepted=" + acceptedEpoch + " current=" + currentEpoch + " snap=" + snapshot + " log="
                + log.size() + " synced=" + synced + "}";
    }
}
