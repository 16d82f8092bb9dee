package dev.schism.node.core;

import dev.schism.node.core.election.Decision;
import dev.schism.node.core.election.Election;
import dev.schism.node.core.election.Notification;
import dev.schism.node.core.zab.FollowerInfo;
import dev.schism.node.core.zab.Leader;
import dev.schism.node.core.zab.Learner;
import dev.schism.node.core.zab.Replica;
import dev.schism.node.core.zab.SeededBugs;
import dev.schism.node.core.zab.ZabMessage;

import java.util.Set;

/**
 * One server's protocol state: FastLeaderElection, then ZAB discovery, sync and broadcast, as a pure
 * state machine. Inputs are the methods below; after any of them the shell calls {@link #ready()} and
 * executes the batch (see {@link Ready} for the order). Single-threaded: the shell serializes all calls.
 * The peer delegates: {@link Election} while LOOKING, then a {@link Leader} or a {@link Learner} for one
 * leadership; both work on the {@link Replica} (epochs, log tail, commit point) that outlives them.
 *
 * <p>CONTRACT (other parts of the node are written against these signatures; keep them).
 */
public final class Peer {
    /** Seeded bug names accepted by {@link #injectBug(String)}. */
    public static final Set<String> BUGS = SeededBugs.NAMES;

    private final PeerConfig config;
    private final Outbox out = new Outbox();
    private final Replica replica;
    private final Election election;
    private final SeededBugs bugs = new SeededBugs();
    private Leader leading;
    private Learner learning;
    private String lastReason = "started";

    /**
     * @param config   the ensemble and its timing
     * @param disk     what this server recovered from disk
     * @param machine  the state machine, restored from {@code disk.snapshot()} only: logged txns reach it
     *                 through {@link Ready#committed()} once the core knows they are committed
     */
    public Peer(PeerConfig config, DurableState disk, StateMachine machine) {
        if (!config.voters().contains(config.myId()) && !config.observers().contains(config.myId())) {
            throw new IllegalArgumentException("sid " + config.myId() + " is neither a voter nor an observer");
        }
        if (disk.acceptedEpoch() < disk.currentEpoch()) {
            throw new IllegalArgumentException("acceptedEpoch " + disk.acceptedEpoch() + " is below currentEpoch "
                    + disk.currentEpoch());
        }
        this.config = config;
        this.replica = new Replica(config, disk, machine, out);
        this.election = new Election(config, out);
        lookForLeader("started");
    }

    /**
     * Turns on a seeded protocol bug, for demonstrating that the harness catches it (see {@link SeededBugs}).
     * {@code "establish-without-quorum"}: a new leader establishes its epoch (reports LEADING and starts
     * broadcasting) without waiting for a quorum of FOLLOWERINFO/ACKEPOCH or NEWLEADER acks, and gives up
     * only if no quorum has synced within initLimit;
     * {@code "diff-instead-of-trunc"}; {@code "ack-before-fsync"}; {@code "commit-before-quorum"}; {@code "fle-ignores-zxid"}; {@code "epoch-reuse"}. Unknown names throw
     * IllegalArgumentException.
     */
    public void injectBug(String name) {
        bugs.enable(name);
        if (name.equals(SeededBugs.FLE_IGNORES_ZXID)) {
            election.ignoreZxid();
        }
    }

    /** One core tick ({@link PeerConfig#msPerTick()} ms of monotonic time) has passed. */
    public void tick() {
        if (election.looking()) {
            decided(election.tick());
        } else if (leading != null) {
            leading.tick();
        } else if (learning != null) {
            learning.tick();
        }
        checkAbandoned();
    }

    /** A message arrived from a peer (possibly stale, duplicated or out of order). */
    public void step(Message m) {
        if (m.from() == config.myId()
                || (!config.voters().contains(m.from()) && !config.observers().contains(m.from()))) {
            return;
        }
        election.heard(m.from());
        if (m instanceof Notification n) {
            if (learning != null && n.from() == learning.leader() && n.state() != Role.LEADING
                    && !(n.state() == Role.LOOKING && n.leader() == n.from())) {
                // The server we follow neither leads nor is about to: the election that chose it was
                // decided on votes that changed since. Look again instead of waiting out initLimit.
                lookForLeader("leader " + n.from() + " is not leading: " + n);
            }
            decided(election.receive(n));
        } else if (m instanceof ZabMessage z) {
            if (leading != null) {
                leading.receive(z);
            } else if (learning != null && !(z instanceof FollowerInfo)) {
                learning.receive(z);
            } else if (z instanceof FollowerInfo) {
                // Not leading: say so, as a refused connection does in ZooKeeper.
                out.send(z.from(), election.currentVote());
            }
        }
        checkAbandoned();
    }

    /** The transport lost its connection to {@code sid} (a learner treats its leader's loss as fatal). */
    public void linkDown(long sid) {
        election.linkDown(sid);
        if (learning != null && learning.leader() == sid) {
            lookForLeader("lost the link to leader " + sid);
        } else if (leading != null) {
            leading.linkDown(sid);
        }
    }

    /**
     * A client write on this server. On the serving leader it becomes a proposal with the next zxid; on a
     * serving follower or observer it is forwarded to the leader. Returns false if this server is not
     * serving (the caller answers the client with ConnectionLoss). The payload is opaque to the core.
     */
    public boolean propose(byte[] payload) {
        boolean accepted = false;
        if (leading != null) {
            accepted = leading.propose(payload);
        } else if (learning != null) {
            accepted = learning.propose(payload);
        }
        checkAbandoned();
        return accepted;
    }

    /** Everything up to {@code zxid} handed out in {@link Ready#toLog()} is now durable (fsynced). */
    public void persisted(long zxid) {
        replica.persisted(zxid);
        if (leading != null) {
            leading.persisted();
        } else if (learning != null) {
            learning.persisted();
        }
        checkAbandoned();
    }

    /** Takes the pending batch of actions (never null; possibly empty). */
    public Ready ready() {
        return out.drain();
    }

    public Role role() {
        if (leading != null) {
            return Role.LEADING;
        }
        if (learning != null) {
            return config.isObserver() ? Role.OBSERVING : Role.FOLLOWING;
        }
        return Role.LOOKING;
    }

    /** True while this server may answer clients (synced follower/observer, or established leader). */
    public boolean serving() {
        return (leading != null && leading.established()) || (learning != null && learning.serving());
    }

    /** Current ZAB epoch (the persisted currentEpoch). */
    public long epoch() {
        return replica.currentEpoch();
    }

    /** The sid this server leads or follows, or -1 while LOOKING. */
    public long leader() {
        if (leading != null) {
            return config.myId();
        }
        return learning != null ? learning.leader() : -1;
    }

    /** The last zxid handed out for logging (durable or not). */
    public long lastLoggedZxid() {
        return replica.lastQueued();
    }

    /** The last zxid handed to the state machine through {@link Ready#committed()}. */
    public long lastCommittedZxid() {
        return replica.lastCommitted();
    }

    /** Whether the named seeded bug is on (for the bugs whose hook is in the shell's client layer). */
    public boolean bugOn(String name) {
        return bugs.on(name);
    }

    /**
     * The zxid a reconnecting client's lastZxidSeen is held against, given what the tree has applied: that,
     * unless a seeded bug claims more (see {@link dev.schism.node.core.zab.Learner#claimedZxid}).
     */
    public long claimedZxid(long applied) {
        return learning != null ? learning.claimedZxid(applied) : applied;
    }

    /** The shell wrote a snapshot at {@code zxid}; the core may forget log entries before it. */
    public void snapshotTaken(long zxid) {
        replica.snapshotTaken(zxid);
    }

    /** Why this server last went LOOKING (for logs and the admin words). */
    public String lastReason() {
        return lastReason;
    }

    private void decided(Decision d) {
        if (d == null) {
            return;
        }
        if (d.role() == Role.LEADING) {
            leading = new Leader(replica, election, bugs);
            leading.start();
        } else {
            learning = new Learner(replica, election, d.leader(), bugs);
            learning.start();
        }
    }

    private void checkAbandoned() {
        if (leading != null && leading.abandoned() != null) {
            lookForLeader(leading.abandoned());
        } else if (learning != null && learning.abandoned() != null) {
            lookForLeader(learning.abandoned());
        }
    }

    private void lookForLeader(String reason) {
        lastReason = reason;
        leading = null;
        learning = null;
        replica.report(Role.LOOKING, -1, -1, false);
        election.start(replica.lastQueued(), replica.currentEpoch());
    }

    @Override
    public String toString() {
        return "Peer{sid=" + config.myId() + " " + role() + " epoch=" + replica.currentEpoch() + " leader=" + leader()
                + " logged=" + Zxid.hex(replica.lastQueued()) + " committed=" + Zxid.hex(replica.lastCommitted())
                + (serving() ? " serving" : "") + "}";
    }
}
