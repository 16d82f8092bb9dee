package dev.schism.node.tree;

import java.util.TreeSet;

/**
 * A session as replicated state: its id, its negotiated timeout and the ephemeral znodes it owns. Whether
 * it is still alive is decided by the leader, which proposes its close; every replica then drops it.
 */
public final class SessionEntry {
    final long id;
    final int timeoutMs;
    final TreeSet<String> ephemerals;

    SessionEntry(long id, int timeoutMs) {
        this(id, timeoutMs, new TreeSet<>());
    }

    private SessionEntry(long id, int timeoutMs, TreeSet<String> ephemerals) {
        this.id = id;
        this.timeoutMs = timeoutMs;
        this.ephemerals = ephemerals;
    }

    SessionEntry copy() {
        return new SessionEntry(id, timeoutMs, new TreeSet<>(ephemerals));
    }

    public long id() {
        return id;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public java.util.Set<String> ephemerals() {
        return java.util.Collections.unmodifiableSet(ephemerals);
    }

    @Override
    public String toString() {
        return "Session{0x" + Long.toHexString(id) + " timeout=" + timeoutMs + "ms ephemerals=" + ephemerals.size()
                + "}";
    }
}
