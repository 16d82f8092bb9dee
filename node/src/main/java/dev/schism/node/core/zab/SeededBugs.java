package dev.schism.node.core.zab;

import java.util.Set;
import java.util.TreeSet;

/**
 * Protocol bugs that can be switched on deliberately, so the harness can show that it detects them. Each
 * reproduces a known class of ZooKeeper bug; all are off unless {@link #enable} is called.
 */
public final class SeededBugs {
    /**
     * A new leader establishes its epoch without a quorum of FOLLOWERINFO/ACKEPOCH and NEWLEADER acks, then
     * gives its learners initLimit to sync before it holds itself to a synced quorum.
     */
    public static final String ESTABLISH_WITHOUT_QUORUM = "establish-without-quorum";
    /** The leader sends DIFF where TRUNC is needed, so a learner keeps txns no quorum accepted (ZOOKEEPER-1154). */
    public static final String DIFF_INSTEAD_OF_TRUNC = "diff-instead-of-trunc";
    /** Learners ack NEWLEADER and proposals before they are durable (ZOOKEEPER-3911 / 4646 family). */
    public static final String ACK_BEFORE_FSYNC = "ack-before-fsync";

    /**
     * The leader commits (and so acknowledges to clients) a proposal once it alone has logged it, without a
     * quorum of acks: an acknowledged write lives only on the leader until the learners catch up, and is lost
     * if the leader dies first (the ack-before-replication class of data-loss bugs).
     */
    public static final String COMMIT_BEFORE_QUORUM = "commit-before-quorum";

    /**
     * FastLeaderElection's vote order skips the zxid (epoch, then sid only): a server with a shorter log can
     * win, and ZAB's sync then makes its log the truth, dropping committed txns (what FLE's order prevents).
     */
    public static final String FLE_IGNORES_ZXID = "fle-ignores-zxid";

    /**
     * A new leader takes the largest acceptedEpoch it has heard of as its epoch instead of one more than it,
     * so two leaderships can share an epoch and their zxids (the epoch is what keeps leaderships apart).
     */
    public static final String EPOCH_REUSE = "epoch-reuse";

    /**
     * A learner answers clients from the moment it accepts a leader's epoch, through the sync, instead of from
     * UPTODATE on: its tree gets the synced txns only at UPTODATE, yet it holds a reconnecting client's
     * lastZxidSeen against the zxid it has logged, not applied, and so takes its tree for current (attaching a
     * session it knows at once, as ZooKeeper's followers do, without the reattach txn that would order it):
     * a session that saw newer state elsewhere reads older state here (monotonic reads / read-your-writes).
     */
    public static final String FOLLOWER_SERVES_BEFORE_UPTODATE = "follower-serves-before-uptodate";

    /**
     * A learner persists currentEpoch when it accepts the new epoch (at LEADERINFO) instead of once the history
     * it syncs is durable: crashed mid-sync, it restarts claiming the new epoch over its old, unsynced log, and
     * FastLeaderElection (which orders by currentEpoch first) can prefer it to a server holding committed txns.
     */
    public static final String CURRENT_EPOCH_BEFORE_SYNC = "current-epoch-before-sync";

    /**
     * A server answers a client's {@code sync} at once from its own tree instead of sending it through the
     * leader's log, so a read after sync on a lagging follower can miss writes acknowledged long before the
     * sync began (what sync is for).
     */
    public static final String SYNC_NOT_FLUSHED = "sync-not-flushed";

    public static final Set<String> NAMES = Set.of(ESTABLISH_WITHOUT_QUORUM, DIFF_INSTEAD_OF_TRUNC, ACK_BEFORE_FSYNC,
            COMMIT_BEFORE_QUORUM, FLE_IGNORES_ZXID, EPOCH_REUSE, FOLLOWER_SERVES_BEFORE_UPTODATE, CURRENT_EPOCH_BEFORE_SYNC,
            SYNC_NOT_FLUSHED);

    private final Set<String> enabled = new TreeSet<>();

    /** Throws IllegalArgumentException naming the known bugs if {@code name} is not one of them. */
    public void enable(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown bug '" + name + "'; known: " + new TreeSet<>(NAMES));
        }
        enabled.add(name);
    }

    public boolean on(String name) {
        return enabled.contains(name);
    }

    @Override
    public String toString() {
        return "SeededBugs" + enabled;
    }
}
