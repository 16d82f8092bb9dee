package dev.schism.node.server;

import dev.schism.node.client.ClientLayer;
import dev.schism.node.client.NodeStatus;
import dev.schism.node.client.Replication;
import dev.schism.node.config.ZooCfg;
import dev.schism.node.core.DurableState;
import dev.schism.node.core.Message;
import dev.schism.node.core.Peer;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Role;
import dev.schism.node.net.LinkKind;
import dev.schism.node.net.Transport;
import dev.schism.node.storage.GroupCommit;
import dev.schism.node.storage.Storage;
import dev.schism.node.tree.DataTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/**
 * One running server: storage recovered from disk, the protocol core, the quorum transport and the client
 * port, all driven by one core thread. Implements {@link Replication} for the client layer.
 */
public final class NodeServer implements Replication, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);

    /** Exit status when the server stops itself because it can no longer run safely (e.g. fsync failed). */
    public static final int EXIT_FATAL = 4;

    private final ZooCfg cfg;
    private final PeerConfig peerConfig;
    private final NodeClock clock = new NodeClock();
    private final Storage storage;
    private final DataTree tree;
    private final Replica peer;
    private final Transport transport;
    private final ClientLayer clients;
    private final EventJournal journal;
    private final CoreLoop loop;
    private final ReadyExecutor executor;
    private final IntConsumer exit;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private static final int STATS_EVERY_TICKS = 100;
    private volatile NodeStatus status;
    private long ticks;
    private long loggedRecords;
    private volatile boolean closing;

    /**
     * Recovers state and wires the parts; nothing runs until {@link #start()}.
     *
     * @param injectBug name of a seeded protocol bug to enable in the core, or null
     * @param exit      called with an exit status when the server must stop on its own
     */
    public NodeServer(ZooCfg cfg, String injectBug, IntConsumer exit) {
        this.cfg = cfg;
        this.exit = exit;
        this.peerConfig = cfg.peerConfig();
        String prefix = "n" + cfg.myId();
        this.storage = Storage.open(cfg.dataDir(), cfg.dataLogDir(),
                new Storage.Options(cfg.forceSync(), cfg.snapRetainCount(), Storage.DEFAULT_SEGMENT_BYTES, prefix));
        DurableState disk = storage.recovered();
        this.tree = new DataTree(cfg.extendedTypesEnabled());
        if (disk.snapshot() != null) {
            tree.restore(disk.snapshot());
        }
        if (cfg.standalone()) {
            if (injectBug != null) {
                throw new IllegalArgumentException("--inject-bug " + injectBug
                        + ": a standalone server runs no election or ZAB to break");
            }
            this.peer = new StandaloneReplica(cfg.myId(), disk);
        } else {
            Peer quorumPeer = new Peer(peerConfig, disk, tree);
            if (injectBug != null) {
                quorumPeer.injectBug(injectBug);
            }
            this.peer = new QuorumReplica(quorumPeer);
        }
        this.journal = new EventJournal(cfg.dataDir().resolve("events.jsonl"));
        this.loop = new CoreLoop(prefix + "-core", clock, peerConfig.msPerTick(), this::tick, this::afterBatch,
                this::fatal);
        this.transport = cfg.standalone() ? null : new Transport(cfg.myId(), cfg.servers(), new Transport.Handler() {
            @Override
            public void received(Message m) {
                loop.execute(() -> peer.step(m));
            }

            @Override
            public void linkDown(long sid) {
                loop.execute(() -> peer.linkDown(sid));
            }

            @Override
            public void touches(long from, long[] sessionIds) {
                loop.execute(() -> {
                    if (peer.role() == Role.LEADING && peer.serving()) {
                        clients.touchesForwarded(sessionIds);
                    }
                });
            }
        }, prefix);
        this.clients = new ClientLayer(cfg.clientConfig(), tree, this);
        storage.startGroupCommit(new GroupCommit.Listener() {
            @Override
            public void durable(long zxid, long generation) {
                loop.execute(() -> executor.durable(zxid, generation));
            }

            @Override
            public void failed(RuntimeException e) {
                fatal(e);
            }
        });
        this.executor = new ReadyExecutor(cfg.myId(), peer, tree, storage, transport, clients, journal, clock,
                cfg.snapCount(), loop::execute);
        updateStatus();
    }

    /** Binds the ports and starts the core thread. */
    public void start() throws IOException {
        if (transport != null) {
            transport.start();
        }
        clients.start();
        loop.start();
        LOG.info("server {} started: {} (client port {})", cfg.myId(), cfg.standalone() ? "standalone" : "ensemble of "
                + cfg.servers().size(), clients.port());
    }

    private void tick() {
        peer.tick();
        clients.tick();
        if (++ticks % STATS_EVERY_TICKS == 0) {
            logGroupCommit();
        }
    }

    /** Cumulative group-commit figures, logged when they changed (the benchmark reads them). */
    private void logGroupCommit() {
        GroupCommit gc = storage.groupCommit();
        long records = gc.syncedRecords();
        if (records != loggedRecords) {
            loggedRecords = records;
            long fsyncs = gc.fsyncs();
            LOG.info("group commit: {} records in {} fsyncs ({} per fsync)", records, fsyncs,
                    String.format(java.util.Locale.ROOT, "%.1f", fsyncs == 0 ? 0.0 : (double) records / fsyncs));
        }
    }

    private void afterBatch() {
        executor.drain();
        updateStatus();
    }

    private void updateStatus() {
        Role role = peer.role();
        boolean serving = peer.serving();
        String mode = null;
        if (serving) {
            mode = cfg.standalone() ? "standalone" : switch (role) {
                case LEADING -> "leader";
                case FOLLOWING -> "follower";
                case OBSERVING -> "observer";
                case LOOKING -> null;
            };
        }
        // Transport-level counts (the core does not expose its synced set): learners with a live quorum
        // stream to this leader, and voters this leader's own quorum stream reaches.
        int learners = role == Role.LEADING && transport != null ? transport.inboundCount(LinkKind.QUORUM) : 0;
        int synced = 0;
        if (role == Role.LEADING && transport != null) {
            for (long sid : peerConfig.voters()) {
                if (sid != cfg.myId() && transport.outboundUp(LinkKind.QUORUM, sid)) {
                    synced++;
                }
            }
        }
        status = new NodeStatus(mode, serving && mode != null, cfg.myId(), peer.epoch(), tree.lastApplied(),
                peerConfig.voters().size(), learners, synced);
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("client task failed on the core thread", e);
            }
        });
    }

    @Override
    public boolean propose(byte[] payload) {
        if (!loop.inLoop()) {
            throw new IllegalStateException("propose must be called on the core thread");
        }
        return peer.propose(payload);
    }

    @Override
    public NodeStatus status() {
        return status;
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
        long total = clock.adjust(deltaMs);
        LOG.warn("clock shifted by {} ms (total offset {} ms)", deltaMs, total);
        return total;
    }

    @Override
    public long wallClockMs() {
        return clock.wallMillis();
    }

    @Override
    public long monotonicMs() {
        return clock.nanos() / 1_000_000L;
    }

    /**
     * Core thread, learners: session touches go to the leader on the quorum stream, beside the protocol, as
     * ZooKeeper piggybacks them on pings. False (the client layer then logs a touch txn) when there is no
     * leader to send to or the stream to it is down.
     */
    @Override
    public boolean forwardTouches(long[] sessionIds) {
        long leader = peer.leader();
        if (transport == null || leader < 0 || leader == cfg.myId() || !peer.serving()) {
            return false;
        }
        return transport.sendTouches(leader, sessionIds);
    }

    /** Core thread: the established leader (or a serving standalone server) expires sessions. */
    @Override
    public boolean isLeader() {
        return peer.serving() && (peer.role() == Role.LEADING || cfg.standalone());
    }

    public int clientPort() {
        return clients.port();
    }

    public NodeClock clock() {
        return clock;
    }

    /** Blocks until the server stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void fatal(Throwable e) {
        if (closing) {
            LOG.warn("error while shutting down: {}", e.toString());
            return;
        }
        LOG.error("fatal error; stopping the server so that it cannot acknowledge anything it might lose", e);
        exit.accept(EXIT_FATAL);
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        LOG.info("server {} shutting down", cfg.myId());
        loop.stop(); // first: nothing may use the transport or the log once they close
        try {
            clients.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the client port: {}", e.toString());
        }
        if (transport != null) {
            transport.close();
        }
        storage.close();
        journal.close();
        stopped.countDown();
        LOG.info("server {} stopped", cfg.myId());
    }

    @Override
    public String toString() {
        return "NodeServer{" + cfg.myId() + " " + peer + " " + executor + "}";
    }
}
