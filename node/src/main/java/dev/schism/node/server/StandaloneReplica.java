package dev.schism.node.server;

import dev.schism.node.core.DurableState;
import dev.schism.node.core.Message;
import dev.schism.node.core.Ready;
import dev.schism.node.core.Role;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A single server without an ensemble, as ZooKeeper runs a one-server config: no election and no quorum.
 * On start it opens a new epoch (past anything on disk) and applies every logged txn, since each was
 * durable and so may have been acknowledged. A write gets the next zxid, is logged, and is committed as
 * soon as it is durable.
 */
final class StandaloneReplica implements Replica {
    private final long myId;
    private final ArrayDeque<Txn> unsynced = new ArrayDeque<>();
    private long epoch;
    private long counter;
    private long pendingAccepted = -1;
    private long pendingCurrent = -1;
    private List<Txn> toLog = new ArrayList<>();
    private List<Txn> committed = new ArrayList<>();
    private List<RoleChange> roles = new ArrayList<>();

    StandaloneReplica(long myId, DurableState disk) {
        this.myId = myId;
        long last = disk.lastLoggedZxid();
        newEpoch(Math.max(Math.max(disk.acceptedEpoch(), disk.currentEpoch()), Zxid.epoch(last)) + 1);
        committed.addAll(disk.log());
        roles.add(new RoleChange(Role.LEADING, epoch, myId, last, true));
    }

    private void newEpoch(long e) {
        epoch = e;
        counter = 0;
        pendingAccepted = e;
        pendingCurrent = e;
    }

    @Override
    public void tick() {
        // no peers to time out
    }

    @Override
    public void step(Message m) {
        // no peers
    }

    @Override
    public void linkDown(long sid) {
        // no peers
    }

    @Override
    public boolean propose(byte[] payload) {
        if (counter == 0xffffffffL) {
            newEpoch(epoch + 1); // zxid counter exhausted: continue in a new epoch, as a new leader would
        }
        Txn t = new Txn(Zxid.make(epoch, ++counter), payload);
        toLog.add(t);
        unsynced.add(t);
        return true;
    }

    @Override
    public void persisted(long zxid) {
        while (!unsynced.isEmpty() && unsynced.peekFirst().zxid() <= zxid) {
            committed.add(unsynced.removeFirst());
        }
    }

    @Override
    public Ready ready() {
        Ready r = new Ready(pendingAccepted, pendingCurrent, null, -1, toLog, true, List.of(), committed, roles);
        pendingAccepted = -1;
        pendingCurrent = -1;
        toLog = new ArrayList<>();
        committed = new ArrayList<>();
        roles = new ArrayList<>();
        return r;
    }

    @Override
    public Role role() {
        return Role.LEADING;
    }

    @Override
    public boolean serving() {
        return true;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public long leader() {
        return myId;
    }

    @Override
    public void snapshotTaken(long zxid) {
        // the log on disk is purged by storage; nothing is kept in memory here
    }

    @Override
    public String toString() {
        return "StandaloneReplica{sid=" + myId + " epoch=" + epoch + " last=" + Zxid.hex(Zxid.make(epoch, counter))
                + " unsynced=" + unsynced.size() + "}";
    }
}
