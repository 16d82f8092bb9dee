package dev.schism.node.server;

import dev.schism.node.core.Message;
import dev.schism.node.core.Ready;
import dev.schism.node.core.Role;

/**
 * The replication protocol as the shell drives it: the quorum {@code Peer} of the core, or the standalone
 * log of a single server. Called only on the core thread; every call may leave a {@link Ready} to execute.
 */
interface Replica {
    void tick();

    void step(Message m);

    void linkDown(long sid);

    boolean propose(byte[] payload);

    void persisted(long zxid);

    Ready ready();

    Role role();

    boolean serving();

    long epoch();

    /** The leader this server follows or is (-1 while looking). */
    long leader();

    void snapshotTaken(long zxid);

    /** Whether the named seeded bug is on. */
    default boolean bugOn(String name) {
        return false;
    }

    /** What a reconnecting client's lastZxidSeen is held against (see {@code Peer#claimedZxid}). */
    default long claimedZxid(long applied) {
        return applied;
    }
}
