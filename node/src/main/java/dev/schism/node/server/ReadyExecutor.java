package dev.schism.node.server;

import dev.schism.node.client.ClientLayer;
import dev.schism.node.core.Envelope;
import dev.schism.node.core.Ready;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import dev.schism.node.net.Transport;
import dev.schism.node.storage.Storage;
import dev.schism.node.tree.DataTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Executes {@link Ready} batches on the core thread in the order the core prescribes. Appends go to the
 * log at once and are made durable by the group-commit thread, which reports back through
 * {@link #durable}; only then does the core learn of it ({@code Peer.persisted}) and may acknowledge.
 * Optionally (see {@code holdSends}) messages of a batch that logged something are held, with everything
 * emitted after them, until that batch is durable. Counts applied txns to trigger snapshots.
 */
final class ReadyExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ReadyExecutor.class);

    private record Held(long requiredZxid, List<Envelope> messages) {
    }

    private final long myId;
    private final Replica peer;
    private final DataTree tree;
    private final Storage storage;
    private final Transport transport;
    private final ClientLayer clients;
    private final EventJournal journal;
    private final NodeClock clock;
    private final int snapCount;
    private final Consumer<Runnable> onCoreThread;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /**
     * By default a batch's messages go out while its records are being fsynced, as ZooKeeper's leader sends
     * proposals while it logs them: the core never puts a promise about unpersisted records in a batch (it
     * acknowledges only what {@code Peer.persisted} reported). {@code -Dschism.holdSendsUntilFsync=true}
     * holds them until the fsync completes instead (half the throughput, for checking that claim).
     */
    private final boolean holdSends = Boolean.getBoolean("schism.holdSendsUntilFsync");
    private long appendedZxid;
    private long durableZxid;
    private long generation;
    private long appliedSinceSnapshot;
    private boolean snapshotInFlight;
    private boolean serving;
    private long messagesSent;

    ReadyExecutor(long myId, Replica peer, DataTree tree, Storage storage, Transport transport, ClientLayer clients,
                  EventJournal journal, NodeClock clock, int snapCount, Consumer<Runnable> onCoreThread) {
        this.myId = myId;
        this.peer = peer;
        this.tree = tree;
        this.storage = storage;
        this.transport = transport;
        this.clients = clients;
        this.journal = journal;
        this.clock = clock;
        this.snapCount = snapCount;
        this.onCoreThread = onCoreThread;
        this.appendedZxid = storage.log().lastZxid();
        this.durableZxid = appendedZxid;
        this.generation = storage.generation();
    }

    /** Executes batches until the core has nothing more to do. */
    void drain() {
        for (Ready r = peer.ready(); !r.isEmpty(); r = peer.ready()) {
            execute(r);
        }
    }

    private void execute(Ready r) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}", r);
        }
        if (r.acceptedEpoch() >= 0) {
            storage.saveAcceptedEpoch(r.acceptedEpoch());
        }
        if (r.currentEpoch() >= 0) {
            storage.saveCurrentEpoch(r.currentEpoch());
        }
        Snapshot install = r.snapshotToInstall();
        if (install != null) {
            storage.installSnapshot(install);
            newGeneration(install.zxid());
            tree.restore(install);
            clients.treeReplaced();
            appliedSinceSnapshot = 0;
        }
        if (r.truncateTo() >= 0) {
            storage.truncateAfter(r.truncateTo());
            newGeneration(storage.log().lastZxid());
        }
        List<Txn> toLog = r.toLog();
        if (!toLog.isEmpty()) {
            storage.append(toLog);
            appendedZxid = toLog.get(toLog.size() - 1).zxid();
        }
        if (!r.messages().isEmpty()) {
            long required = !toLog.isEmpty() && r.mustSync() && holdSends ? appendedZxid : -1;
            if (!held.isEmpty()) {
                required = Math.max(required, held.peekLast().requiredZxid());
            }
            if (required > durableZxid) {
                held.addLast(new Held(required, r.messages()));
            } else {
                send(r.messages());
            }
        }
        for (Txn t : r.committed()) {
            clients.applyCommitted(t);
            appliedSinceSnapshot++;
        }
        if (appliedSinceSnapshot >= snapCount && !snapshotInFlight) {
            takeSnapshot();
        }
        for (RoleChange rc : r.roleChanges()) {
            String line = EventJournal.line(clock.wallMillis(), myId, rc);
            journal.append(line);
            LOG.info("role change: {} | {}", rc, line);
        }
        if (peer.serving() != serving) {
            serving = peer.serving();
            LOG.info("{} serving clients", serving ? "now" : "no longer");
            clients.servingChanged(serving);
        }
    }

    /** A durability report from the group-commit thread, on the core thread. */
    void durable(long zxid, long gen) {
        if (gen != generation || zxid <= durableZxid) {
            return;
        }
        durableZxid = zxid;
        while (!held.isEmpty() && held.peekFirst().requiredZxid() <= durableZxid) {
            send(held.removeFirst().messages());
        }
        peer.persisted(zxid);
    }

    private void newGeneration(long base) {
        if (!held.isEmpty()) {
            LOG.info("dropping {} held message batches written before the log was cut at {}", held.size(),
                    Zxid.hex(base));
            held.clear();
        }
        generation = storage.generation();
        appendedZxid = base;
        durableZxid = base;
    }

    private void send(List<Envelope> messages) {
        List<Envelope> remote = new java.util.ArrayList<>(messages.size());
        for (Envelope e : messages) {
            if (e.to() == myId || transport == null) {
                onCoreThread.accept(() -> peer.step(e.message()));
            } else {
                remote.add(e);
            }
        }
        if (!remote.isEmpty()) {
            transport.sendAll(remote);
        }
        messagesSent += messages.size();
    }

    private void takeSnapshot() {
        Snapshot snap = tree.snapshot();
        snapshotInFlight = true;
        appliedSinceSnapshot = 0;
        storage.snapshotAsync(snap, zxid -> onCoreThread.accept(() -> {
            snapshotInFlight = false;
            peer.snapshotTaken(zxid);
        }));
    }

    boolean serving() {
        return serving;
    }

    long messagesSent() {
        return messagesSent;
    }

    @Override
    public String toString() {
        return "ReadyExecutor{appended=" + Zxid.hex(appendedZxid) + " durable=" + Zxid.hex(durableZxid) + " held="
                + held.size() + "}";
    }
}
