package dev.schism.node.core.zab;

import dev.schism.node.core.DurableState;
import dev.schism.node.core.Outbox;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Role;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.StateMachine;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;

/**
 * One server's replicated state as the protocol tracks it: the two epochs, the log tail, how far the log
 * is durable ({@link #lastPersisted()}) and how far it is known committed and handed to the state machine
 * ({@link #lastCommitted()}). Every change is mirrored into the {@link Outbox} so the shell performs it.
 * Both the leader and the learner side work on this one object; it outlives them across elections.
 */
public final class Replica {
    /** How many recent txns stay in memory for DIFF even after a snapshot covers them. */
    public static final int WINDOW = 10_000;

    private final PeerConfig config;
    private final StateMachine machine;
    private final Outbox out;
    private final TxnLog log;
    private long acceptedEpoch;
    private long currentEpoch;
    private long lastPersisted;
    private long lastCommitted;
    private long lastSnapshot;
    private long attempts;
    private long promisedLeader = -1;
    private long promisedEpoch = -1;
    private Role reported;

    public Replica(PeerConfig config, DurableState disk, StateMachine machine, Outbox out) {
        this.config = config;
        this.machine = machine;
        this.out = out;
        long snapZxid = disk.snapshot() == null ? 0 : disk.snapshot().zxid();
        this.log = new TxnLog(snapZxid, disk.log());
        this.acceptedEpoch = disk.acceptedEpoch();
        this.currentEpoch = disk.currentEpoch();
        this.lastPersisted = log.last();
        this.lastCommitted = snapZxid;
        this.lastSnapshot = snapZxid;
    }

    public PeerConfig config() {
        return config;
    }

    public Outbox out() {
        return out;
    }

    public TxnLog log() {
        return log;
    }

    public StateMachine machine() {
        return machine;
    }

    public long acceptedEpoch() {
        return acceptedEpoch;
    }

    public long currentEpoch() {
        return currentEpoch;
    }

    public long lastQueued() {
        return log.last();
    }

    public long lastPersisted() {
        return lastPersisted;
    }

    public long lastCommitted() {
        return lastCommitted;
    }

    /** True when everything handed out for logging is durable. */
    public boolean fullyPersisted() {
        return lastPersisted >= log.last();
    }

    public void setAcceptedEpoch(long epoch) {
        acceptedEpoch = epoch;
        out.acceptedEpoch(epoch);
    }

    public void setCurrentEpoch(long epoch) {
        currentEpoch = epoch;
        out.currentEpoch(epoch);
    }

    public void append(Txn t) {
        log.append(t);
        out.append(t);
    }

    public void truncate(long zxid) {
        if (zxid < lastCommitted) {
            throw new IllegalStateException("truncating to " + Zxid.hex(zxid) + " would drop committed "
                    + Zxid.hex(lastCommitted));
        }
        log.truncateAfter(zxid);
        lastPersisted = Math.min(lastPersisted, zxid);
        out.truncate(zxid);
    }

    public void installSnapshot(Snapshot s) {
        log.reset(s.zxid());
        lastPersisted = s.zxid();
        lastCommitted = s.zxid();
        lastSnapshot = s.zxid();
        out.installSnapshot(s);
    }

    /** The shell made the log durable up to {@code zxid}; stale reports for truncated entries are ignored. */
    public void persisted(long zxid) {
        if (zxid > lastPersisted && zxid <= log.last() && log.hasPoint(zxid)) {
            lastPersisted = zxid;
        }
    }

    /** Hands every logged txn up to {@code zxid} not yet applied to the state machine. */
    public void commitUpTo(long zxid) {
        long target = Math.min(zxid, log.last());
        if (target <= lastCommitted) {
            return;
        }
        for (Txn t : log.range(lastCommitted, target)) {
            out.commit(t);
        }
        lastCommitted = target;
        if (log.size() > 2 * WINDOW) {
            log.forget(lastCommitted, WINDOW); // older entries are in the state machine: SNAP covers them
        }
    }

    public void snapshotTaken(long zxid) {
        lastSnapshot = Math.max(lastSnapshot, zxid);
        log.forget(Math.min(lastSnapshot, lastCommitted), WINDOW);
    }

    /** A fresh learner session number (names one FOLLOWERINFO .. UPTODATE exchange). */
    public long nextAttempt() {
        return ++attempts;
    }

    /** Remembers (in memory) that this server promised {@code epoch} to {@code leader} in an ACKEPOCH. */
    public void promise(long leader, long epoch) {
        promisedLeader = leader;
        promisedEpoch = epoch;
    }

    public boolean promised(long leader, long epoch) {
        return promisedLeader == leader && promisedEpoch == epoch;
    }

    /**
     * Journals a role change. Every failed leader or learner attempt goes LOOKING again, so a LOOKING that
     * follows LOOKING is not journaled twice; FOLLOWING/LEADING always are (each names a new epoch or leader).
     */
    public void report(Role role, long epoch, long leader, boolean serving) {
        if (role == reported && role == Role.LOOKING) {
            return;
        }
        reported = role;
        out.roleChange(new RoleChange(role, epoch, leader, log.last(), serving));
    }

    @Override
    public String toString() {
        return "Replica{accepted=" + acceptedEpoch + " current=" + currentEpoch + " queued="
                + Zxid.hex(log.last()) + " persisted=" + Zxid.hex(lastPersisted) + " committed="
                + Zxid.hex(lastCommitted) + "}";
    }
}
