package dev.schism.node.core.zab;

import dev.schism.node.core.Outbox;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Role;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import dev.schism.node.core.election.Election;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The leading side of ZAB for one leadership attempt: discovery (new epoch = max acceptedEpoch of a
 * quorum + 1, then a quorum of ACKEPOCHs), sync (one {@link SyncPlan} per learner, re-sent until its
 * NEWLEADER ack), establishment on a quorum of NEWLEADER acks, then broadcast with cumulative acks and
 * in-order commits. Every packet it waits for is re-requested on the ping period, so loss only delays it.
 * When it cannot continue it sets {@link #abandoned()} and the peer goes back to LOOKING.
 */
public final class Leader {
    private static final int RESEND_BATCH = 256;

    private final Replica r;
    private final PeerConfig config;
    private final Outbox out;
    private final Election election;
    private final Timing timing;
    private final boolean establishWithoutQuorum;
    private final boolean diffInsteadOfTrunc;
    private final boolean commitBeforeQuorum;
    private final boolean epochReuse;
    private final long me;
    private final TreeMap<Long, LearnerHandler> handlers = new TreeMap<>();
    private final Set<Long> connecting = new HashSet<>();
    private final Set<Long> epochAcks = new HashSet<>();
    private final Set<Long> newLeaderAcks = new HashSet<>();
    private final long startEpoch;
    private final long startZxid;
    private long maxAccepted;
    private long epoch = -1;
    private boolean discoveryDone;
    private boolean established;
    private long counter;
    private long now;
    /** Until this tick an established leader is not yet held to a synced quorum (see the seeded bug). */
    private long syncCheckFrom;
    private String abandoned;

    public Leader(Replica r, Election election, SeededBugs bugs) {
        this.r = r;
        this.config = r.config();
        this.out = r.out();
        this.election = election;
        this.timing = Timing.of(config);
        this.establishWithoutQuorum = bugs.on(SeededBugs.ESTABLISH_WITHOUT_QUORUM);
        this.diffInsteadOfTrunc = bugs.on(SeededBugs.DIFF_INSTEAD_OF_TRUNC);
        this.commitBeforeQuorum = bugs.on(SeededBugs.COMMIT_BEFORE_QUORUM);
        this.epochReuse = bugs.on(SeededBugs.EPOCH_REUSE);
        this.me = config.myId();
        this.startEpoch = r.currentEpoch();
        this.startZxid = r.lastQueued();
    }

    public void start() {
        connecting.add(me);
        maxAccepted = r.acceptedEpoch();
        if (establishWithoutQuorum) {
            // Seeded bug for the harness: skip the quorum of FOLLOWERINFO/ACKEPOCH and NEWLEADER acks. Like
            // the waits it skips, it then gives its learners initLimit to connect and sync before holding
            // itself to a synced quorum; without that grace it would abandon at its first tick on a healthy
            // network and churn through epochs with no fault at all.
            syncCheckFrom = timing.initTimeout();
            epoch = maxAccepted + 1;
            r.setAcceptedEpoch(epoch);
            r.setCurrentEpoch(epoch);
            discoveryDone = true;
            establish();
            return;
        }
        decideEpoch();
    }

    public boolean established() {
        return established;
    }

    /** Non-null once this leadership is over (the reason); the peer then goes LOOKING. */
    public String abandoned() {
        return abandoned;
    }

    public void receive(ZabMessage m) {
        if (m instanceof FollowerInfo fi) {
            onFollowerInfo(fi);
            return;
        }
        LearnerHandler h = handlers.get(m.from());
        if (h == null || m.epoch() != epoch) {
            return;
        }
        if (m instanceof AckEpoch a) {
            onAckEpoch(h, a);
        } else if (m instanceof Ack a) {
            onAck(h, a);
        } else if (m instanceof Request q) {
            onRequest(h, q);
        }
    }

    private void onFollowerInfo(FollowerInfo fi) {
        LearnerHandler h = handlers.get(fi.from());
        if (h != null && h.attempt == fi.attempt()) {
            h.lastHeard = now;
            if (h.stage == LearnerHandler.Stage.INFO_SENT) {
                sendInfo(h);
            }
            return;
        }
        boolean observer = config.observers().contains(fi.from());
        if (!observer && !config.voters().contains(fi.from())) {
            return;
        }
        if (epoch >= 0 && fi.epoch() > epoch) {
            // It promised a newer epoch to a leader that never established it, so it must refuse ours and
            // could never join. ZooKeeper leaves it out until the next election; we hold one now, whose
            // epoch will exceed that promise.
            abandoned = "learner " + fi.from() + " already accepted epoch " + fi.epoch() + " > " + epoch;
            return;
        }
        h = new LearnerHandler(fi.from(), fi.attempt(), observer, fi.epoch(), now);
        handlers.put(fi.from(), h);
        maxAccepted = Math.max(maxAccepted, fi.epoch());
        if (epoch < 0) {
            connecting.add(fi.from());
            decideEpoch();
        } else {
            sendInfo(h);
        }
    }

    private void decideEpoch() {
        if (epoch >= 0 || !config.isQuorum(connecting)) {
            return;
        }
        epoch = epochReuse ? Math.max(1, maxAccepted) : maxAccepted + 1;
        r.setAcceptedEpoch(epoch);
        for (LearnerHandler h : handlers.values()) {
            sendInfo(h);
        }
        finishDiscovery(); // a lone voter needs nobody's promise
    }

    private void sendInfo(LearnerHandler h) {
        h.stage = LearnerHandler.Stage.INFO_SENT;
        out.send(h.sid, new LeaderInfo(me, epoch, h.attempt));
    }

    private void onAckEpoch(LearnerHandler h, AckEpoch a) {
        if (a.attempt() != h.attempt || h.stage != LearnerHandler.Stage.INFO_SENT) {
            return;
        }
        h.lastHeard = now;
        if (!established && a.currentEpoch() != -1 && moreRecent(a.currentEpoch(), a.lastZxid())) {
            abandoned = "follower " + h.sid + " is ahead of the leader (epoch " + a.currentEpoch() + ", "
                    + Zxid.hex(a.lastZxid()) + ")";
            return;
        }
        h.peerLast = a.lastZxid();
        h.stage = LearnerHandler.Stage.EPOCH_ACKED;
        if (a.currentEpoch() != -1 && !h.observer) {
            epochAcks.add(h.sid);
        }
        if (discoveryDone) {
            startSync(h);
            return;
        }
        finishDiscovery();
    }

    /** A quorum (with the leader) promised the new epoch: it becomes current and sync starts. */
    private void finishDiscovery() {
        if (discoveryDone || epoch < 0 || !quorumWithMe(epochAcks)) {
            return;
        }
        discoveryDone = true;
        r.setCurrentEpoch(epoch);
        for (LearnerHandler other : handlers.values()) {
            if (other.stage == LearnerHandler.Stage.EPOCH_ACKED) {
                startSync(other);
            }
        }
        checkEstablish();
    }

    private boolean moreRecent(long theirEpoch, long theirZxid) {
        return theirEpoch > startEpoch || (theirEpoch == startEpoch && theirZxid > startZxid);
    }

    private void startSync(LearnerHandler h) {
        SyncPlan plan = SyncPlan.decide(h.peerLast, r.log());
        List<Txn> txns = plan.mode() == SyncMode.SNAP ? List.of() : r.log().range(plan.from(), r.lastQueued());
        if (txns.size() > Replica.WINDOW) {
            plan = new SyncPlan(SyncMode.SNAP, -1, -1); // a snapshot is cheaper than this long a DIFF
        }
        if (diffInsteadOfTrunc && plan.mode() == SyncMode.TRUNC) {
            plan = new SyncPlan(SyncMode.DIFF, -1, plan.from()); // seeded bug: the learner keeps its extra txns
        }
        Snapshot snap = null;
        long from = plan.from();
        if (plan.mode() == SyncMode.SNAP) {
            snap = r.machine().snapshot();
            from = snap.zxid();
            if (from < r.log().base() || from > r.lastQueued()) {
                return; // the log no longer reaches back to the snapshot; retried on the next ping
            }
            txns = r.log().range(from, r.lastQueued());
        }
        h.sync = new SyncMessage(me, epoch, h.attempt, plan.mode(), h.peerLast, plan.truncateTo(), snap, txns,
                r.lastCommitted());
        h.acked = txns.isEmpty() ? from : txns.get(txns.size() - 1).zxid();
        h.stage = LearnerHandler.Stage.SYNC_SENT;
        sendSync(h);
    }

    private void sendSync(LearnerHandler h) {
        out.send(h.sid, h.sync);
        out.send(h.sid, new NewLeader(me, epoch, h.attempt));
    }

    private void onAck(LearnerHandler h, Ack a) {
        if (a.attempt() != h.attempt) {
            return;
        }
        h.lastHeard = now;
        if (h.stage == LearnerHandler.Stage.SYNC_SENT) {
            // The learner acks nothing in this epoch before its NEWLEADER ack is due: any ack implies it.
            h.stage = LearnerHandler.Stage.SYNCED;
            if (!h.observer) {
                newLeaderAcks.add(h.sid);
            }
            if (established) {
                out.send(h.sid, new UpToDate(me, epoch, r.lastCommitted()));
            } else {
                checkEstablish();
            }
        }
        if (h.stage == LearnerHandler.Stage.SYNCED && !a.isNewLeaderAck() && a.zxid() <= r.lastQueued()
                && a.zxid() > h.acked) {
            h.acked = a.zxid();
            tryCommit();
        }
    }

    private void onRequest(LearnerHandler h, Request q) {
        if (q.attempt() != h.attempt || h.stage != LearnerHandler.Stage.SYNCED || q.requestId() <= h.lastRequestId) {
            return;
        }
        h.lastHeard = now;
        h.lastRequestId = q.requestId();
        propose(q.payload());
    }

    private void checkEstablish() {
        if (!established && discoveryDone && r.fullyPersisted() && quorumWithMe(newLeaderAcks)) {
            establish();
        }
    }

    private boolean quorumWithMe(Set<Long> learners) {
        Set<Long> sids = new HashSet<>(learners);
        sids.add(me);
        return config.isQuorum(sids);
    }

    private void establish() {
        established = true;
        r.commitUpTo(r.lastQueued());
        election.updatePeerEpoch(epoch);
        r.report(Role.LEADING, epoch, me, true);
        for (LearnerHandler h : handlers.values()) {
            if (h.stage == LearnerHandler.Stage.SYNCED) {
                out.send(h.sid, new UpToDate(me, epoch, r.lastCommitted()));
            }
        }
    }

    /** A client write on the leader; false unless the epoch is established. */
    public boolean propose(byte[] payload) {
        if (!established || abandoned != null) {
            return false;
        }
        if (counter >= 0xfffffffeL) {
            abandoned = "zxid counter of epoch " + epoch + " exhausted";
            return false;
        }
        counter++;
        Txn t = new Txn(Zxid.make(epoch, counter), payload);
        r.append(t);
        for (LearnerHandler h : handlers.values()) {
            if (!h.observer && (h.stage == LearnerHandler.Stage.SYNC_SENT || h.stage == LearnerHandler.Stage.SYNCED)) {
                out.send(h.sid, new Proposal(me, epoch, t));
            }
        }
        return true;
    }

    /** The leader's own log became more durable: it may now count itself. */
    public void persisted() {
        checkEstablish();
        tryCommit();
    }

    private void tryCommit() {
        if (!established) {
            return;
        }
        // The highest zxid durable on a quorum of voters that includes the leader itself.
        List<Long> acked = new ArrayList<>();
        acked.add(r.lastPersisted());
        for (LearnerHandler h : handlers.values()) {
            if (h.stage == LearnerHandler.Stage.SYNCED && config.voters().contains(h.sid)) {
                acked.add(h.acked);
            }
        }
        int quorum = commitBeforeQuorum ? 1 : config.quorumSize(); // the seeded bug counts the leader alone
        if (acked.size() < quorum) {
            return;
        }
        acked.sort((a, b) -> Long.compare(b, a));
        long commit = Math.min(acked.get(quorum - 1), r.lastPersisted());
        long previous = r.lastCommitted();
        if (commit <= previous) {
            return;
        }
        r.commitUpTo(commit);
        List<Txn> informed = null;
        for (LearnerHandler h : handlers.values()) {
            if (h.stage != LearnerHandler.Stage.SYNCED) {
                continue;
            }
            if (h.observer) {
                if (informed == null) {
                    informed = r.log().range(previous, r.lastCommitted());
                }
                for (Txn t : informed) {
                    out.send(h.sid, new Inform(me, epoch, t));
                }
            } else {
                out.send(h.sid, new Commit(me, epoch, r.lastCommitted()));
            }
        }
    }

    public void tick() {
        now++;
        if (!established) {
            if (now > timing.initTimeout()) {
                abandoned = "epoch not established within initLimit";
                return;
            }
        } else if (now > syncCheckFrom) {
            Set<Long> heard = new HashSet<>();
            for (LearnerHandler h : handlers.values()) {
                if (h.stage == LearnerHandler.Stage.SYNCED && now - h.lastHeard <= timing.syncTimeout()) {
                    heard.add(h.sid);
                }
            }
            if (!quorumWithMe(heard)) {
                abandoned = "not sufficient followers synced within syncLimit";
                return;
            }
        }
        if (now % timing.pingInterval() == 0) {
            pingAll();
        }
    }

    private void pingAll() {
        for (LearnerHandler h : new ArrayList<>(handlers.values())) {
            if (now - h.lastHeard > timing.initTimeout() + timing.syncTimeout()) {
                handlers.remove(h.sid);
                continue;
            }
            switch (h.stage) {
                case INFO_SENT -> sendInfo(h);
                case EPOCH_ACKED -> {
                    if (discoveryDone) {
                        startSync(h);
                    }
                }
                case SYNC_SENT -> sendSync(h);
                case SYNCED -> {
                    if (established) {
                        out.send(h.sid, new Ping(me, epoch, r.lastCommitted()));
                        resendIfStalled(h);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A learner whose ack did not move for a whole ping period gets the txns after its ack again. */
    private void resendIfStalled(LearnerHandler h) {
        long target = h.observer ? r.lastCommitted() : r.lastQueued();
        boolean stalled = h.acked == h.ackedAtLastPing;
        h.ackedAtLastPing = h.acked;
        if (h.acked >= target || !stalled) {
            return;
        }
        if (h.acked < r.log().base()) {
            handlers.remove(h.sid); // too far behind for the log tail: it times out and syncs again
            return;
        }
        for (Txn t : r.log().after(h.acked, RESEND_BATCH)) {
            if (h.observer) {
                if (t.zxid() > r.lastCommitted()) {
                    break;
                }
                out.send(h.sid, new Inform(me, epoch, t));
            } else {
                out.send(h.sid, new Proposal(me, epoch, t));
            }
        }
        if (!h.observer) {
            out.send(h.sid, new Commit(me, epoch, r.lastCommitted()));
        }
    }

    /** The transport lost the link to a learner: forget its session (it will start a new one). */
    public void linkDown(long sid) {
        handlers.remove(sid);
    }

    @Override
    public String toString() {
        return "Leader{epoch=" + epoch + (established ? " established" : discoveryDone ? " syncing" : " discovery")
                + " learners=" + handlers.values() + "}";
    }
}
