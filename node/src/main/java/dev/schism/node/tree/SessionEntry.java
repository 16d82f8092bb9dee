package dev.schism.node.tree;

import java.util.Collections;
import java.util.TreeSet;

/**
 * A session as replicated state: its id, its negotiated timeout, the server its client is attached to
 * (the owner: writes from any other server fail with SessionMoved, so a request left behind on a server
 * the client abandoned cannot land after the client's newer ones) and the ephemeral znodes it owns.
 * Whether it is still alive is decided by the leader, which proposes its close; every replica then drops
 * it.
 */
public final class SessionEntry {
    final long id;
    final int timeoutMs;
    long owner;
    final TreeSet<String> ephemerals;

    SessionEntry(long id, int timeoutMs, long owner) {
        this(id, timeoutMs, owner, new TreeSet<>());
    }

    private SessionEntry(long id, int timeoutMs, long owner, TreeSet<String> ephemerals) {
        this.id = id;
        this.timeoutMs = timeoutMs;
        this.owner = owner;
        this.ephemerals = ephemerals;
    }

    SessionEntry copy() {
        return new SessionEntry(id, timeoutMs, owner, new TreeSet<>(ephemerals));
    }

    /** The server the session's client is attached to. */
    public long owner() {
        return owner;
    }

    public long id() {
        return id;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public java.util.Set<String> ephemerals() {
        return Collections.unmodifiableSet(ephemerals);
    }

    @Override
    public String toString() {
        return "Session{0x" + Long.toHexString(id) + " timeout=" + timeoutMs + "ms owner=" + owner + " ephemerals=" + ephemerals.size()
                + "}";
    }
}
