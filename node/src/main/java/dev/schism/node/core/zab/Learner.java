package dev.schism.node.core.zab;

import dev.schism.node.core.Outbox;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Role;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import dev.schism.node.core.election.Election;

import java.util.ArrayList;
import java.util.List;

/**
 * The following (or observing) side of ZAB for one learner session with one leader: FOLLOWERINFO until
 * LEADERINFO, the epoch promise, applying the sync packet, acking NEWLEADER only once the synced history
 * is durable and then persisting currentEpoch, serving from UPTODATE (or the first PING) on. In broadcast
 * it logs only the proposal that extends its log without a gap and acks cumulatively what is durable; the
 * leader re-sends what a stalled learner is missing. Sets {@link #abandoned()} to go back to LOOKING.
 */
public final class Learner {
    enum Stage {
        /** FOLLOWERINFO sent (and repeated), waiting for LEADERINFO. */
        CONNECTING,
        /** ACKEPOCH sent, waiting for the sync packet. */
        EPOCH_ACKED,
        /** Sync packet applied, waiting for NEWLEADER and for the synced history to be durable. */
        SYNCING,
        /** NEWLEADER acked and currentEpoch persisted; logging proposals, waiting for UPTODATE. */
        SYNCED,
        /** UPTODATE (or a PING) received: answering clients. */
        SERVING
    }

    private final Replica r;
    private final PeerConfig config;
    private final Outbox out;
    private final Election election;
    private final Timing timing;
    private final long me;
    private final long leader;
    private final boolean observer;
    private final boolean ackBeforeFsync;
    private final boolean servesBeforeUpToDate;
    private final boolean epochBeforeSync;
    private final int infoInterval;
    private long attempt;
    private Stage stage = Stage.CONNECTING;
    private long epoch = -1;
    private AckEpoch ackEpoch;
    private boolean newLeaderSeen;
    /** An UPTODATE or PING of this session arrived: the leader's commit point is known. */
    private boolean upToDate;
    private final List<Txn> early = new ArrayList<>();
    private long commitTarget = -1;
    private long requestId;
    private long now;
    private long lastHeard;
    private String abandoned;

    public Learner(Replica r, Election election, long leader, SeededBugs bugs) {
        this.r = r;
        this.config = r.config();
        this.out = r.out();
        this.election = election;
        this.timing = Timing.of(config);
        this.me = config.myId();
        this.leader = leader;
        this.observer = config.isObserver();
        this.ackBeforeFsync = bugs.on(SeededBugs.ACK_BEFORE_FSYNC);
        this.servesBeforeUpToDate = bugs.on(SeededBugs.FOLLOWER_SERVES_BEFORE_UPTODATE);
        this.epochBeforeSync = bugs.on(SeededBugs.CURRENT_EPOCH_BEFORE_SYNC);
        // The leader may decide a moment after us and drop our first FOLLOWERINFO: repeat it soon.
        this.infoInterval = Math.min(timing.pingInterval(), config.ticks(200));
    }

    public void start() {
        attempt = r.nextAttempt();
        stage = Stage.CONNECTING;
        epoch = -1;
        sendInfo();
    }

    private void sendInfo() {
        out.send(leader, new FollowerInfo(me, r.acceptedEpoch(), attempt, observer));
    }

    public long leader() {
        return leader;
    }

    public boolean serving() {
        // the seeded bug answers clients from the moment it accepted the leader's epoch, through the sync
        return stage == Stage.SERVING || (servesBeforeUpToDate && stage != Stage.CONNECTING);
    }

    public String abandoned() {
        return abandoned;
    }

    public void receive(ZabMessage m) {
        if (m.from() != leader) {
            return;
        }
        if (m instanceof LeaderInfo li) {
            onLeaderInfo(li);
            return;
        }
        if (stage == Stage.CONNECTING && !(m instanceof FollowerInfo)) {
            // The leader still runs an older session of ours (e.g. from before we restarted and our
            // session numbers started over): a fresh number makes it open a new one.
            restartSession();
            return;
        }
        if (m.epoch() != epoch) {
            return;
        }
        if (m instanceof SyncMessage s) {
            if (s.attempt() == attempt && stage == Stage.EPOCH_ACKED) {
                lastHeard = now;
                applySync(s);
            }
        } else if (m instanceof NewLeader nl) {
            onNewLeader(nl);
        } else if (m instanceof UpToDate u) {
            onLeaderCommitPoint(u.committed());
        } else if (m instanceof Ping p) {
            onLeaderCommitPoint(p.committed());
        } else if (m instanceof Proposal p) {
            onProposal(p);
        } else if (m instanceof Commit c) {
            if (stage.compareTo(Stage.SYNCED) >= 0) {
                lastHeard = now;
                commitTarget = Math.max(commitTarget, c.zxid());
                applyCommits();
            }
        } else if (m instanceof Inform i) {
            onInform(i);
        }
    }

    private void onLeaderInfo(LeaderInfo li) {
        if (li.attempt() != attempt) {
            return;
        }
        lastHeard = now;
        if (stage == Stage.EPOCH_ACKED && li.epoch() == epoch) {
            out.send(leader, ackEpoch); // our ACKEPOCH was lost: repeat the very same answer
            return;
        }
        if (stage != Stage.CONNECTING) {
            return;
        }
        long e = li.epoch();
        if (e < r.acceptedEpoch()) {
            abandoned = "leader " + leader + " proposes epoch " + e + " below accepted epoch " + r.acceptedEpoch();
            return;
        }
        long current;
        if (e > r.acceptedEpoch()) {
            r.setAcceptedEpoch(e);
            r.promise(leader, e);
            current = r.currentEpoch();
        } else {
            // Already accepted e: only a repeat of our own promise to this leader may count again.
            current = r.promised(leader, e) ? r.currentEpoch() : -1;
        }
        epoch = e;
        stage = Stage.EPOCH_ACKED;
        ackEpoch = new AckEpoch(me, e, attempt, current, r.lastQueued());
        out.send(leader, ackEpoch);
        if (epochBeforeSync && r.currentEpoch() < e) { // the seeded bug: the epoch before the history it vouches for
            r.setCurrentEpoch(e);
            election.updatePeerEpoch(e);
        }
    }

    private void applySync(SyncMessage s) {
        switch (s.mode()) {
            case DIFF -> {
                if (r.lastQueued() != s.peerLast()) {
                    restartSession();
                    return;
                }
            }
            case TRUNC -> {
                if (r.lastQueued() != s.peerLast() || !r.log().hasPoint(s.truncateTo())) {
                    restartSession();
                    return;
                }
                if (s.truncateTo() < r.lastCommitted()) {
                    abandoned = "TRUNC to " + Zxid.hex(s.truncateTo()) + " would undo committed "
                            + Zxid.hex(r.lastCommitted());
                    return;
                }
                r.truncate(s.truncateTo());
            }
            case SNAP -> r.installSnapshot(s.snapshot());
        }
        for (var t : s.txns()) {
            if (t.zxid() > r.lastQueued()) {
                r.append(t);
            }
        }
        commitTarget = Math.max(commitTarget, s.committed());
        stage = Stage.SYNCING;
        newLeaderSeen = false;
        upToDate = false;
        early.clear();
        applyCommits();
    }

    /** The sync packet does not fit our log (it answered an older report): start a fresh session. */
    private void restartSession() {
        attempt = r.nextAttempt();
        stage = Stage.CONNECTING;
        epoch = -1;
        sendInfo();
    }

    private void onNewLeader(NewLeader nl) {
        if (nl.attempt() != attempt) {
            return;
        }
        lastHeard = now;
        if (stage == Stage.SYNCING) {
            newLeaderSeen = true;
            maybeAckNewLeader();
        } else if (stage.compareTo(Stage.SYNCED) >= 0) {
            out.send(leader, new Ack(me, epoch, attempt, Zxid.make(epoch, 0)));
        }
    }

    /** Persist-then-ack: the synced history must be durable before currentEpoch and the NEWLEADER ack. */
    private void maybeAckNewLeader() {
        if (stage != Stage.SYNCING || !newLeaderSeen || (!r.fullyPersisted() && !ackBeforeFsync)) {
            return;
        }
        r.setCurrentEpoch(epoch);
        stage = Stage.SYNCED;
        election.updatePeerEpoch(epoch);
        out.send(leader, new Ack(me, epoch, attempt, Zxid.make(epoch, 0)));
        for (Txn t : early) {
            if (t.zxid() == expectedNext()) {
                r.append(t);
            }
        }
        early.clear();
        if (servesBeforeUpToDate) { // the seeded bug: serve now, from a tree the leader has not brought up to date
            stage = Stage.SERVING;
            r.report(observer ? Role.OBSERVING : Role.FOLLOWING, epoch, leader, true);
        }
    }

    /** UPTODATE, or a PING (sent only once the epoch is established): start serving, apply, ack. */
    private void onLeaderCommitPoint(long committed) {
        if (stage.compareTo(Stage.SYNCED) < 0) {
            return;
        }
        lastHeard = now;
        commitTarget = Math.max(commitTarget, committed);
        upToDate = true;
        if (stage == Stage.SYNCED) {
            stage = Stage.SERVING;
            applyCommits();
            r.report(observer ? Role.OBSERVING : Role.FOLLOWING, epoch, leader, true);
        } else {
            applyCommits();
        }
        out.send(leader, new Ack(me, epoch, attempt, ackPoint()));
    }

    /** What a cumulative ack may claim: the durable end of the log (unless the seeded bug lies). */
    private long ackPoint() {
        return ackBeforeFsync ? r.lastQueued() : r.lastPersisted();
    }

    private void onProposal(Proposal p) {
        if (observer || stage.compareTo(Stage.SYNCING) < 0) {
            return;
        }
        lastHeard = now;
        long z = p.txn().zxid();
        if (stage == Stage.SYNCING) {
            // Not logged before NEWLEADER is acked (currentEpoch must not lag a logged proposal), but
            // kept, so a learner that syncs while writes go on does not wait for the leader's re-send.
            long last = early.isEmpty() ? r.lastQueued() : early.get(early.size() - 1).zxid();
            if (z == next(last)) {
                early.add(p.txn());
            }
            return;
        }
        if (z == expectedNext()) {
            r.append(p.txn());
            if (ackBeforeFsync) {
                out.send(leader, new Ack(me, epoch, attempt, ackPoint()));
            }
        }
        // z below: a duplicate; z above: a gap, never acked past; the leader re-sends after our ack.
    }

    private void onInform(Inform i) {
        if (!observer || stage.compareTo(Stage.SYNCED) < 0) {
            return;
        }
        lastHeard = now;
        long z = i.txn().zxid();
        if (z == expectedNext()) {
            r.append(i.txn());
        }
        if (z <= r.lastQueued()) {
            commitTarget = Math.max(commitTarget, z);
            applyCommits();
        }
    }

    private long expectedNext() {
        return next(r.lastQueued());
    }

    private long next(long last) {
        return Zxid.epoch(last) == epoch ? last + 1 : Zxid.make(epoch, 1);
    }

    private void applyCommits() {
        if (servesBeforeUpToDate && !upToDate) {
            return; // the seeded bug's tree waits for UPTODATE (or a PING) while it already serves
        }
        if (stage.compareTo(Stage.SYNCING) >= 0) {
            r.commitUpTo(commitTarget);
        }
    }

    /**
     * The zxid a reconnecting client's lastZxidSeen is held against: what the tree has applied. The seeded bug
     * claims what it has logged, so it accepts a client that has seen more than its tree holds.
     */
    public long claimedZxid(long applied) {
        return servesBeforeUpToDate ? Math.max(applied, r.lastQueued()) : applied;
    }

    public void persisted() {
        if (stage == Stage.SYNCING) {
            maybeAckNewLeader();
        } else if (stage.compareTo(Stage.SYNCED) >= 0) {
            out.send(leader, new Ack(me, epoch, attempt, ackPoint()));
        }
    }

    /** A client write: forwarded to the leader while serving. */
    public boolean propose(byte[] payload) {
        if (stage != Stage.SERVING) {
            return false;
        }
        out.send(leader, new Request(me, epoch, attempt, ++requestId, payload));
        return true;
    }

    public void tick() {
        now++;
        if (stage != Stage.SERVING) {
            // One initLimit window for the whole learner, not per session: restarted sessions must not
            // let a learner wait on an unresponsive leader forever.
            if (now > timing.initTimeout()) {
                abandoned = "not synced with leader " + leader + " within initLimit (" + stage + ")";
            } else if (stage == Stage.CONNECTING && now % infoInterval == 0) {
                sendInfo();
            }
        } else if (now - lastHeard > timing.syncTimeout()) {
            abandoned = "leader " + leader + " not heard within syncLimit";
        }
    }

    @Override
    public String toString() {
        return "Learner{leader=" + leader + " epoch=" + epoch + " attempt=" + attempt + " " + stage + "}";
    }
}
