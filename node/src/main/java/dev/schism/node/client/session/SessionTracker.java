package dev.schism.node.client.session;

import dev.schism.node.tree.DataTree;
import dev.schism.node.tree.SessionEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Session ids, passwords and expiry deadlines. On the leader it keeps a deadline per session (monotonic
 * ms, local, not replicated) and reports the sessions past theirs; elsewhere it collects touches to
 * forward. A server that becomes leader gives every session a fresh full timeout, as ZooKeeper does.
 * Core thread only.
 */
public final class SessionTracker {
    private static final long PASSWORD_SALT = 0x5C4A1E5EED5EC2E7L;

    private final int minTimeoutMs;
    private final int maxTimeoutMs;
    private long nextId;
    private final Map<Long, Long> deadlines = new HashMap<>();
    private final Map<Long, Long> expiryProposedAt = new HashMap<>();
    private final Set<Long> toForward = new LinkedHashSet<>();
    /** Followers: when each session's activity was last reported to the leader (monotonic ms). */
    private final Map<Long, Long> lastForwarded = new HashMap<>();
    private boolean leading;
    /** The tree and its sessions' version at the last full scan of {@link #expired}; null: scan next tick. */
    private DataTree scannedTree;
    private long scannedVersion;
    /** No session can be reported before now exceeds this (a lower bound, kept by every deadline change). */
    private long nextDue = Long.MIN_VALUE;

    public SessionTracker(long myId, long wallClockMs, int minTimeoutMs, int maxTimeoutMs) {
        this.minTimeoutMs = minTimeoutMs;
        this.maxTimeoutMs = Math.max(minTimeoutMs, maxTimeoutMs);
        // ZooKeeper's layout: the server id in the top byte, a time-derived counter below
        this.nextId = (myId << 56) | ((wallClockMs << 24) >>> 8);
    }

    public long newSessionId() {
        return nextId++;
    }

    /** The password a session's id determines; every server derives the same one. */
    public static byte[] password(long sessionId) {
        byte[] pw = new byte[16];
        new Random(sessionId ^ PASSWORD_SALT).nextBytes(pw);
        return pw;
    }

    public int negotiate(int requestedMs) {
        return Math.max(minTimeoutMs, Math.min(maxTimeoutMs, requestedMs));
    }

    /** A request or ping arrived for the session on this server. */
    public void touchLocal(long sessionId, DataTree tree, long nowMs) {
        if (leading) {
            extend(sessionId, tree, nowMs);
        } else {
            toForward.add(sessionId);
        }
    }

    /** A committed txn (or a learner's forwarded report) says these sessions were alive. */
    public void touchedByTxn(Collection<Long> sessionIds, DataTree tree, long nowMs) {
        if (leading) {
            for (long id : sessionIds) {
                extend(id, tree, nowMs);
            }
        }
    }

    private void extend(long id, DataTree tree, long nowMs) {
        SessionEntry s = tree.session(id);
        if (s != null) {
            deadlines.put(id, nowMs + s.timeoutMs());
            nextDue = Math.min(nextDue, nowMs + s.timeoutMs());
        }
    }

    /**
     * Followers: the sessions touched since they were last reported, each at most once per third of its
     * timeout (enough for the leader, which needs one report per timeout, and cheap when touches travel
     * as txns). Sessions not due yet stay queued.
     */
    public List<Long> drainTouches(DataTree tree, long nowMs) {
        List<Long> out = new ArrayList<>();
        for (Iterator<Long> it = toForward.iterator(); it.hasNext(); ) {
            long id = it.next();
            SessionEntry s = tree.session(id);
            if (s == null) {
                it.remove();
                lastForwarded.remove(id);
                continue;
            }
            Long last = lastForwarded.get(id);
            if (last == null || nowMs - last >= s.timeoutMs() / 3) {
                out.add(id);
                lastForwarded.put(id, nowMs);
                it.remove();
            }
        }
        if (lastForwarded.size() > 2 * (tree.sessions().size() + 16)) {
            lastForwarded.keySet().removeIf(id -> tree.session(id) == null);
        }
        return out;
    }

    /**
     * Leader bookkeeping for one tick; returns the sessions to expire now (each proposed once per timeout
     * period, so a lost proposal is retried).
     */
    public List<Long> expired(DataTree tree, boolean isLeader, long nowMs) {
        if (!isLeader) {
            leading = false;
            deadlines.clear();
            expiryProposedAt.clear();
            scannedTree = null;
            return List.of();
        }
        if (!leading) {
            leading = true;
            toForward.clear();
            for (SessionEntry s : tree.sessions()) {
                deadlines.put(s.id(), nowMs + s.timeoutMs());
            }
        } else if (tree == scannedTree && tree.sessionsVersion() == scannedVersion && nowMs <= nextDue) {
            // the same sessions as at the last scan and none due: the scan would find nothing and change nothing
            return List.of();
        }
        return scan(tree, nowMs);
    }

    private List<Long> scan(DataTree tree, long nowMs) {
        List<Long> out = new ArrayList<>();
        long due = Long.MAX_VALUE;
        for (SessionEntry s : tree.sessions()) {
            long deadline = deadlines.computeIfAbsent(s.id(), id -> nowMs + s.timeoutMs());
            Long proposed = expiryProposedAt.get(s.id());
            if (nowMs > deadline && (proposed == null || nowMs - proposed > s.timeoutMs())) {
                proposed = nowMs;
                expiryProposedAt.put(s.id(), nowMs);
                out.add(s.id());
            }
            // reported again once past both its deadline and a timeout since its last report
            due = Math.min(due, proposed == null ? deadline : Math.max(deadline, proposed + s.timeoutMs()));
        }
        // forget closed sessions without building a set of all live ones on every tick
        deadlines.keySet().removeIf(id -> tree.session(id) == null);
        expiryProposedAt.keySet().removeIf(id -> tree.session(id) == null);
        scannedTree = tree;
        scannedVersion = tree.sessionsVersion();
        nextDue = due;
        return out;
    }

    public boolean leading() {
        return leading;
    }

    @Override
    public String toString() {
        return "SessionTracker{leading=" + leading + " tracked=" + deadlines.size() + " toForward=" + toForward.size()
                + "}";
    }
}
