package dev.schism.node.core.election;

import dev.schism.node.core.Outbox;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FastLeaderElection as a state machine driven by notifications and ticks (reference §1.3). While looking
 * it runs rounds ({@code logicalClock}), adopts better votes, and decides after finalizeWait once a quorum
 * agrees; a late joiner follows an established leader through out-of-election votes and checkLeader.
 * While not looking it answers looking peers with its decided vote, which is what lets them join.
 */
public final class Election {
    private final PeerConfig config;
    private final Outbox out;
    private final int finalizeWait;
    private final int minInterval;
    private final int maxInterval;
    private final List<Long> voterOrder;

    private final Map<Long, Notification> recvset = new HashMap<>();
    private final Map<Long, Notification> outOfElection = new HashMap<>();
    /** Peers whose quorum link the transport reported lost and that have not been heard from since. */
    private final Set<Long> unreachable = new HashSet<>();
    private long logicalClock;
    private boolean looking;
    private Vote initial = Vote.NONE;
    private Vote proposal = Vote.NONE;
    private Role state = Role.LOOKING;
    private Vote decided = Vote.NONE;
    private long decidedRound;
    private int notTimeout;
    private int idle;
    private int finalizeLeft = -1;
    private boolean ignoreZxid;

    public Election(PeerConfig config, Outbox out) {
        this.config = config;
        this.out = out;
        this.finalizeWait = config.ticks(200);
        this.minInterval = config.ticks(200);
        this.maxInterval = config.ticks(60_000);
        // A fixed send order keeps a simulated run replayable (Set.of iterates in a per-JVM order).
        this.voterOrder = config.voters().stream().sorted().toList();
    }

    /** Switches on the seeded bug fle-ignores-zxid (see {@code SeededBugs}). */
    public void ignoreZxid() {
        ignoreZxid = true;
    }

    private boolean better(Vote a, Vote b) {
        return ignoreZxid ? a.beatsIgnoringZxid(b) : a.beats(b);
    }

    public boolean looking() {
        return looking;
    }

    /** The transport lost its link to {@code sid}: no vote from it is to be waited for. */
    public void linkDown(long sid) {
        unreachable.add(sid);
    }

    /** A message arrived from {@code sid}: it is reachable again. */
    public void heard(long sid) {
        unreachable.remove(sid);
    }

    /** What this server would tell a peer about itself now: its state and vote (proposal while looking). */
    public Notification currentVote() {
        return looking ? new Notification(config.myId(), Role.LOOKING, proposal, logicalClock)
                : new Notification(config.myId(), state, decided, decidedRound);
    }

    /** Starts a new round with this server's own vote (a non-voter's vote can never win). */
    public void start(long lastLoggedZxid, long currentEpoch) {
        looking = true;
        state = Role.LOOKING;
        logicalClock++;
        recvset.clear();
        outOfElection.clear();
        initial = isVoter(config.myId()) ? new Vote(config.myId(), lastLoggedZxid, currentEpoch) : Vote.NONE;
        proposal = initial;
        notTimeout = minInterval;
        idle = 0;
        finalizeLeft = -1;
        recordSelf();
        broadcast();
        maybeFinalize(); // a lone voter is its own quorum
    }

    /** After sync (follower) or establishment (leader): report the new epoch to late joiners. */
    public void updatePeerEpoch(long epoch) {
        decided = decided.withEpoch(epoch);
    }

    public Decision receive(Notification n) {
        boolean voterSender = isVoter(n.from());
        if (!looking) {
            if (n.state() == Role.LOOKING) {
                out.send(n.from(), currentVote());
            }
            return null;
        }
        if (!voterSender) {
            if (n.state() == Role.LOOKING) {
                out.send(n.from(), currentVote());
            }
            return null;
        }
        if (!isVoter(n.leader())) {
            return null;
        }
        idle = 0;
        switch (n.state()) {
            case LOOKING:
                return receiveLooking(n);
            case FOLLOWING:
            case LEADING:
                return receiveEstablished(n);
            default:
                return null;
        }
    }

    private Decision receiveLooking(Notification n) {
        Vote vote = n.vote();
        if (n.electionEpoch() > logicalClock) {
            logicalClock = n.electionEpoch();
            recvset.clear();
            proposal = better(vote, initial) || !isVoter(initial.leader()) ? vote : initial;
            finalizeLeft = -1;
            recordSelf();
            broadcast();
        } else if (n.electionEpoch() < logicalClock) {
            out.send(n.from(), currentVote());
            return null;
        } else if (better(vote, proposal) || !isVoter(proposal.leader())) {
            proposal = vote;
            finalizeLeft = -1;
            recordSelf();
            broadcast();
        }
        recvset.put(n.from(), n);
        if (everyReachableVoterAgrees()) {
            return decide(proposal, logicalClock);
        }
        maybeFinalize();
        return null;
    }

    /**
     * A voter is down, a quorum agrees with our proposal and so does every voter we can reach: finalizeWait
     * is there for a better vote still on its way, and none can come but from the server whose link is
     * down. Deciding now changes only when the election ends; ZAB's epochs keep it safe whatever FLE decides.
     */
    private boolean everyReachableVoterAgrees() {
        // Only once a voter is known down (a failover): with everyone up the wait also lets observers and
        // late learners connect before the new leader fixes its epoch, as it always has.
        if (unreachable.isEmpty() || !agreeing(recvset, Role.LOOKING, proposal, logicalClock)) {
            return false;
        }
        for (long sid : voterOrder) {
            if (unreachable.contains(sid)) {
                continue;
            }
            Notification a = recvset.get(sid);
            if (a == null || !agrees(a, Role.LOOKING, proposal, logicalClock)) {
                return false;
            }
        }
        return true;
    }

    /** A quorum agrees with our proposal: decide after finalizeWait unless a better vote shows up. */
    private void maybeFinalize() {
        if (finalizeLeft < 0 && agreeing(recvset, Role.LOOKING, proposal, logicalClock)) {
            finalizeLeft = finalizeWait;
        }
    }

    private Decision receiveEstablished(Notification n) {
        Vote vote = n.vote();
        if (n.electionEpoch() == logicalClock) {
            recvset.put(n.from(), n);
            if (agreeing(recvset, n.state(), vote, n.electionEpoch())
                    && checkLeader(recvset, n.leader(), n.electionEpoch())) {
                return decide(vote, n.electionEpoch());
            }
        }
        outOfElection.put(n.from(), n);
        if (agreeing(outOfElection, n.state(), vote, n.electionEpoch())
                && checkLeader(outOfElection, n.leader(), n.electionEpoch())) {
            logicalClock = n.electionEpoch();
            return decide(vote, n.electionEpoch());
        }
        return null;
    }

    public Decision tick() {
        if (!looking) {
            return null;
        }
        if (finalizeLeft > 0 && --finalizeLeft == 0) {
            finalizeLeft = -1;
            if (agreeing(recvset, Role.LOOKING, proposal, logicalClock)) {
                return decide(proposal, logicalClock);
            }
        }
        if (++idle >= notTimeout) {
            idle = 0;
            notTimeout = Math.min(notTimeout * 2, maxInterval);
            broadcast();
        }
        return null;
    }

    private Decision decide(Vote vote, long round) {
        looking = false;
        decided = vote;
        decidedRound = round;
        if (vote.leader() == config.myId()) {
            state = Role.LEADING;
        } else {
            state = config.isObserver() ? Role.OBSERVING : Role.FOLLOWING;
        }
        recvset.clear();
        outOfElection.clear();
        return new Decision(state, vote.leader());
    }

    /** A stored notification agrees with a vote: fully if either side is LOOKING, else on leader and epoch. */
    private static boolean agrees(Notification a, Role state, Vote v, long round) {
        if (a.state() == Role.LOOKING || state == Role.LOOKING) {
            return a.leader() == v.leader() && a.zxid() == v.zxid() && a.electionEpoch() == round
                    && a.peerEpoch() == v.peerEpoch();
        }
        return a.leader() == v.leader() && a.peerEpoch() == v.peerEpoch();
    }

    private boolean agreeing(Map<Long, Notification> votes, Role state, Vote v, long round) {
        List<Long> sids = new ArrayList<>();
        for (Notification a : votes.values()) {
            if (agrees(a, state, v, round)) {
                sids.add(a.from());
            }
        }
        return config.isQuorum(sids);
    }

    /** Do not follow a leader that has not itself said it leads (stops re-electing a crashed leader). */
    private boolean checkLeader(Map<Long, Notification> votes, long leader, long round) {
        if (leader != config.myId()) {
            Notification fromLeader = votes.get(leader);
            return fromLeader != null && fromLeader.state() == Role.LEADING;
        }
        return logicalClock == round;
    }

    private void recordSelf() {
        if (isVoter(config.myId())) {
            recvset.put(config.myId(), currentVote());
        }
    }

    private void broadcast() {
        Notification mine = currentVote();
        for (long sid : voterOrder) {
            if (sid != config.myId()) {
                out.send(sid, mine);
            }
        }
    }

    private boolean isVoter(long sid) {
        return config.voters().contains(sid);
    }

    @Override
    public String toString() {
        return "Election{" + (looking ? "LOOKING round=" + logicalClock + " proposal=" + proposal
                : state + " vote=" + decided + " round=" + decidedRound) + "}";
    }
}
