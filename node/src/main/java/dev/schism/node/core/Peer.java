package dev.schism.node.core;

/**
 * One server's protocol state: FastLeaderElection, then ZAB discovery, sync and broadcast, as a pure
 * state machine. Inputs are the methods below; after any of them the shell calls {@link #ready()} and
 * executes the batch (see {@link Ready} for the order). Single-threaded: the shell serializes all calls.
 *
 * <p>CONTRACT (other parts of the node are written against these signatures; keep them).
 */
public final class Peer {

    /**
     * @param config   the ensemble and its timing
     * @param disk     what this server recovered from disk
     * @param machine  the state machine, restored from {@code disk.snapshot()} only: logged txns reach it
     *                 through {@link Ready#committed()} once the core knows they are committed
     */
    public Peer(PeerConfig config, DurableState disk, StateMachine machine) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** One core tick ({@link PeerConfig#msPerTick()} ms of monotonic time) has passed. */
    public void tick() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** A message arrived from a peer (possibly stale, duplicated or out of order). */
    public void step(Message m) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** The transport lost its connection to {@code sid} (a learner treats its leader's loss as fatal). */
    public void linkDown(long sid) {
        throw new UnsupportedOperationException("TODO core");
    }

    /**
     * A client write on this server. On the serving leader it becomes a proposal with the next zxid; on a
     * serving follower or observer it is forwarded to the leader. Returns false if this server is not
     * serving (the caller answers the client with ConnectionLoss). The payload is opaque to the core.
     */
    public boolean propose(byte[] payload) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** Everything up to {@code zxid} handed out in {@link Ready#toLog()} is now durable (fsynced). */
    public void persisted(long zxid) {
        throw new UnsupportedOperationException("TODO core");
    }

    /** Takes the pending batch of actions (never null; possibly empty). */
    public Ready ready() {
        throw new UnsupportedOperationException("TODO core");
    }

    public Role role() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** True while this server may answer clients (synced follower/observer, or established leader). */
    public boolean serving() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** Current ZAB epoch (currentEpoch), the leader this server follows (or -1), last logged/committed zxid. */
    public long epoch() {
        throw new UnsupportedOperationException("TODO core");
    }

    public long leader() {
        throw new UnsupportedOperationException("TODO core");
    }

    public long lastLoggedZxid() {
        throw new UnsupportedOperationException("TODO core");
    }

    public long lastCommittedZxid() {
        throw new UnsupportedOperationException("TODO core");
    }

    /** The shell wrote a snapshot at {@code zxid}; the core may forget log entries before it. */
    public void snapshotTaken(long zxid) {
        throw new UnsupportedOperationException("TODO core");
    }

    @Override
    public String toString() {
        return "Peer{TODO}";
    }
}
