package dev.schism.node.sim;

import dev.schism.node.client.ClientConfig;
import dev.schism.node.client.ClientLayer;
import dev.schism.node.client.NodeStatus;
import dev.schism.node.client.Replication;
import dev.schism.node.core.Envelope;
import dev.schism.node.core.Peer;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Ready;
import dev.schism.node.core.Role;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.tree.DataTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One whole simulated server for client workloads: the protocol core over the real {@link DataTree}, sessions
 * and client request path ({@link ClientLayer} without its port), executing each {@link Ready} in the order
 * the real server's shell does (epochs, snapshot, truncation, log append, sends held until the fsync, apply,
 * role changes). Its disk survives a crash; everything else is rebuilt by {@link #boot}. Its clocks are the
 * simulated time plus its own offset, so clock faults reach session expiry and znode times.
 */
final class SimServer implements Replication {
    /** The session bounds of a tickTime of 200 ms would be 0.4-4 s; these are ZooKeeper's usual ones. */
    private static final int MIN_SESSION_MS = 1_000;
    private static final int MAX_SESSION_MS = 30_000;

    final long sid;
    final PeerConfig config;
    final SimDisk disk = new SimDisk();
    private final SimClock clock;
    private final String bug;
    private final Outbound out;
    DataTree tree;
    Peer peer;
    ClientLayer clients;
    boolean paused;
    long clockOffsetMs;
    private boolean serving;
    private boolean fsyncPending;
    private long fsyncAt;
    private final List<Envelope> held = new ArrayList<>();

    /** What a server's execution sends out of it: peer messages, role changes, the end of serving. */
    interface Outbound {
        void send(long from, Envelope e);

        void roleChanged(long sid, RoleChange c);

        void stoppedServing(long sid);
    }

    /** The simulated time in ms, shared by every server. */
    interface SimClock {
        long nowMs();
    }

    SimServer(long sid, Set<Long> voters, Set<Long> observers, String bug, SimClock clock, Outbound out) {
        this.sid = sid;
        this.config = new PeerConfig(sid, voters, observers, Simulation.MS_PER_TICK, 200, 10, 5);
        this.bug = bug;
        this.clock = clock;
        this.out = out;
    }

    boolean alive() {
        return peer != null;
    }

    /** Starts from what the disk kept: the snapshot into a fresh tree, the log into the core. */
    void boot() {
        tree = new DataTree();
        if (disk.snapshot != null) {
            tree.restore(disk.snapshot);
        }
        peer = new Peer(config, disk.recover(), tree);
        if (bug != null) {
            peer.injectBug(bug);
        }
        clients = new ClientLayer(new ClientConfig(sid, "sim", 0, 200, 0, MIN_SESSION_MS, MAX_SESSION_MS, Set.of()),
                tree, this);
        serving = false;
        paused = false;
        drain();
    }

    /** Process death: un-fsynced appends are gone, and so is every connection (the caller closes the clients'). */
    void crash() {
        peer = null;
        clients = null;
        tree = null;
        fsyncPending = false;
        held.clear();
        disk.crash();
    }

    void tick() {
        if (fsyncPending && fsyncAt <= clock.nowMs()) {
            completeFsync();
        }
        peer.tick();
        drain();
        clients.tick();
        drain();
    }

    void snapshot() {
        Snapshot s = tree.snapshot();
        disk.compact(s);
        peer.snapshotTaken(s.zxid());
    }

    /** Executes the core's batches until it has nothing more to say. */
    void drain() {
        while (peer != null) {
            Ready r = peer.ready();
            if (r.isEmpty()) {
                return;
            }
            execute(r);
        }
    }

    private void execute(Ready r) {
        if (r.acceptedEpoch() >= 0) {
            disk.acceptedEpoch = r.acceptedEpoch();
        }
        if (r.currentEpoch() >= 0) {
            disk.currentEpoch = r.currentEpoch();
        }
        if (r.snapshotToInstall() != null) {
            disk.install(r.snapshotToInstall());
            tree.restore(r.snapshotToInstall());
        }
        if (r.truncateTo() >= 0) {
            disk.truncate(r.truncateTo());
        }
        disk.log.addAll(r.toLog());
        if (r.mustSync() && !fsyncPending) {
            fsyncPending = true; // group commit: it covers whatever is appended until it completes
            fsyncAt = clock.nowMs() + Simulation.MS_PER_TICK;
        }
        if (r.mustSync() || !held.isEmpty()) {
            held.addAll(r.messages()); // nothing is promised before it is durable, and order is kept
        } else {
            r.messages().forEach(e -> out.send(sid, e));
        }
        for (Txn t : r.committed()) {
            clients.applyCommitted(t);
        }
        for (RoleChange c : r.roleChanges()) {
            out.roleChanged(sid, c);
        }
        if (peer.serving() != serving) {
            serving = peer.serving();
            clients.servingChanged(serving);
            if (!serving) {
                out.stoppedServing(sid);
            }
        }
    }

    private void completeFsync() {
        fsyncPending = false;
        disk.synced = disk.log.size();
        held.forEach(e -> out.send(sid, e));
        held.clear();
        long last = disk.log.isEmpty() ? (disk.snapshot == null ? 0 : disk.snapshot.zxid())
                : disk.log.get(disk.log.size() - 1).zxid();
        peer.persisted(last);
    }

    /** Runs a client-layer task now: the simulator is the core thread. */
    @Override
    public void execute(Runnable task) {
        task.run();
    }

    @Override
    public boolean propose(byte[] payload) {
        return peer != null && peer.propose(payload); // the caller drains after the client layer returns
    }

    @Override
    public NodeStatus status() {
        if (peer == null) {
            return new NodeStatus(null, false, sid, -1, 0, config.voters().size(), 0, 0);
        }
        String mode = switch (peer.role()) {
            case LEADING -> "leader";
            case FOLLOWING -> "follower";
            case OBSERVING -> "observer";
            case LOOKING -> null;
        };
        boolean on = peer.serving() && mode != null;
        return new NodeStatus(on ? mode : null, on, sid, peer.epoch(), tree.lastApplied(), config.voters().size(), 0, 0);
    }

    @Override
    public boolean seededBug(String name) {
        return peer != null && peer.bugOn(name);
    }

    @Override
    public long claimedZxid(long applied) {
        return peer == null ? applied : peer.claimedZxid(applied);
    }

    @Override
    public long adjustClock(long deltaMs) {
        clockOffsetMs += deltaMs;
        return clockOffsetMs;
    }

    @Override
    public long wallClockMs() {
        return clock.nowMs() + clockOffsetMs;
    }

    @Override
    public long monotonicMs() {
        return clock.nowMs() + clockOffsetMs;
    }

    boolean leads() {
        return peer != null && peer.role() == Role.LEADING && peer.serving();
    }

    @Override
    public String toString() {
        return "n" + sid + (peer == null ? " down" : " " + peer) + (paused ? " paused" : "") + " " + disk;
    }
}
