package dev.schism.node.client;

import dev.schism.node.client.session.SessionTracker;
import dev.schism.node.client.watch.WatchManager;
import dev.schism.node.core.zab.SeededBugs;
import dev.schism.node.tree.ApplyResult;
import dev.schism.node.tree.DataTree;
import dev.schism.node.tree.SessionEntry;
import dev.schism.node.tree.WatchTrigger;
import dev.schism.node.txn.ClientTxn;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jute.BinaryOutputArchive;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.DeleteRequest;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.SyncRequest;
import org.apache.zookeeper.proto.SyncResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client layer's state machine on the core thread: sessions bound to connections, the per-connection
 * queue that keeps replies in request order, writes turned into txns, committed txns turned into replies
 * and watch events, and the leader's session expiry and container reaping.
 */
final class RequestProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(RequestProcessor.class);
    /** Per-connection events: throttled, so a flood of bad clients cannot flood the log. */
    private static final ThrottledLog CONNECTIONS = new ThrottledLog(LOG);

    private final ClientConfig config;
    /** zoo.cfg's tickTime, ZooKeeper's 2000 ms when unset: the unit of session bounds and of the periodic work. */
    private final int tickMs;
    private final DataTree tree;
    private final Replication replication;
    private final ServerStats stats;
    /** mntr is the only reader of the walked counts; where it is not whitelisted (the simulator) nobody walks. */
    private final boolean mntrAllowed;
    private final WatchManager<Connection> watches = new WatchManager<>();
    private final ReadOps reads;
    private final SessionTracker sessions;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Long, Connection> bySession = new HashMap<>();
    private final Map<Long, Connection> awaitingSession = new HashMap<>();
    private final HeldConnects held = new HeldConnects();
    private final Map<String, Long> reapProposedAt = new HashMap<>();
    private long lastTouchForward;

    RequestProcessor(ClientConfig config, DataTree tree, Replication replication, ServerStats stats) {
        this.config = config;
        this.tree = tree;
        this.replication = replication;
        this.stats = stats;
        this.mntrAllowed = config.fourLetterWords() != null
                && (config.fourLetterWords().contains("*") || config.fourLetterWords().contains("mntr"));
        this.reads = new ReadOps(tree, watches, config.superDigest());
        this.tickMs = config.tickTimeMs() > 0 ? config.tickTimeMs() : 2000;
        int min = config.minSessionTimeoutMs() > 0 ? config.minSessionTimeoutMs() : 2 * tickMs;
        int max = config.maxSessionTimeoutMs() > 0 ? config.maxSessionTimeoutMs() : 20 * tickMs;
        this.sessions = new SessionTracker(config.myId(), replication.wallClockMs(), min, max);
    }

    void onOpen(Connection c) {
        connections.add(c);
    }

    void onConnect(Connection c, ConnectRequestFrame frame) {
        try {
            handleConnect(c, frame);
        } catch (RuntimeException e) {
            CONNECTIONS.warn("closing {}: {} failed: {}", c, frame, e.toString());
            c.close();
        }
    }

    private void handleConnect(Connection c, ConnectRequestFrame frame) {
        if (c.closed) {
            return;
        }
        if (!replication.status().serving()) {
            held.hold(c, frame, replication.monotonicMs()); // see HeldConnects for why not closed at once
            return;
        }
        ConnectRequest req = frame.request();
        c.hasReadOnlyFlag = frame.hasReadOnlyFlag();
        long ours = replication.claimedZxid(tree.lastApplied());
        if (req.getLastZxidSeen() > ours) {
            CONNECTIONS.info("Refusing session request for {} as it has seen zxid 0x{} our last zxid is 0x{}; client must "
                    + "try another server", c, Long.toHexString(req.getLastZxidSeen()), Long.toHexString(ours));
            c.close();
            return;
        }
        c.timeoutMs = sessions.negotiate(req.getTimeOut());
        if (req.getSessionId() == 0) {
            long id = sessions.newSessionId();
            while (tree.session(id) != null || awaitingSession.containsKey(id) || id == 0) {
                id = sessions.newSessionId();
            }
            c.sessionId = id;
            awaitingSession.put(id, c);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try {
                BinaryOutputArchive.getArchive(body).writeInt(c.timeoutMs, "timeout");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!propose(new ClientTxn(config.myId(), id, 0, OpCode.CREATE_SESSION, replication.wallClockMs(),
                    body.toByteArray()))) {
                c.close();
            }
            return;
        }
        long id = req.getSessionId();
        if (!Arrays.equals(req.getPasswd(), SessionTracker.password(id))) {
            CONNECTIONS.info("{}: session 0x{}: bad password", c, Long.toHexString(id));
            sendConnectResponse(c, 0, 0, new byte[16]);
            c.close();
            return;
        }
        c.sessionId = id;
        SessionEntry s = tree.session(id);
        // a server that claims more than its tree holds (only a seeded bug does) takes its tree for current and
        // attaches a session it knows at once, as ZooKeeper's followers do, without the ordering reattach txn
        if (s != null && (s.owner() == config.myId() || ours > tree.lastApplied())) {
            attach(c);
            return;
        }
        // the client comes from another server (or its session is not known here yet): a reattach txn
        // decides, in log order, whether the session lives; if so this server becomes its owner, so that
        // requests left behind on the old one fail with SessionMoved instead of landing after newer ones
        Connection waiting = awaitingSession.put(id, c);
        if (waiting != null && waiting != c) {
            waiting.close();
        }
        if (!propose(new ClientTxn(config.myId(), id, 0, OpCode.REATTACH_SESSION, replication.wallClockMs(),
                new byte[0]))) {
            c.close();
        }
    }

    /** Binds an established session to this connection and tells the client. */
    private void attach(Connection c) {
        long id = c.sessionId;
        Connection old = bySession.put(id, c);
        if (old != null && old != c) {
            watches.removeConnection(old);
            old.close();
        }
        c.established = true;
        sendConnectResponse(c, c.timeoutMs, id, SessionTracker.password(id));
        sessions.touchLocal(id, tree, replication.monotonicMs());
        List<Request> queued = new ArrayList<>(c.beforeSession);
        c.beforeSession.clear();
        for (Request r : queued) {
            onRequest(c, r);
        }
    }

    private void sendConnectResponse(Connection c, int timeout, long sessionId, byte[] password) {
        byte[] bytes = Jute.toBytes(new ConnectResponse(0, timeout, sessionId, password, false));
        int len = c.hasReadOnlyFlag ? bytes.length : bytes.length - 1;
        byte[] frame = new byte[4 + len];
        System.arraycopy(bytes, 0, frame, 4, len);
        c.sendFramed(frame);
    }

    void onRequest(Connection c, Request r) {
        try {
            handleRequest(c, r);
        } catch (RuntimeException e) {
            CONNECTIONS.warn("closing {}: {} failed: {}", c, r, e.toString());
            c.close();
        }
    }

    private void handleRequest(Connection c, Request r) {
        if (c.closed) {
            return;
        }
        if (held.holds(c)) {
            c.beforeSession.add(r); // answered in order once this server serves again
            return;
        }
        if (!c.established) {
            if (c.sessionId != 0 && awaitingSession.get(c.sessionId) == c) {
                c.beforeSession.add(r); // pipelined behind the ConnectRequest, as ZooKeeper allows
                return;
            }
            LOG.debug("closing {}: {} before any session", c, r);
            c.close();
            return;
        }
        sessions.touchLocal(c.sessionId, tree, replication.monotonicMs());
        if (r.type() == OpCode.SYNC && c.pending.isEmpty() && r.record() instanceof SyncRequest sync
                && replication.seededBug(SeededBugs.SYNC_NOT_FLUSHED)) {
            c.requestDone(); // the seeded bug: as if the leader's flush had come back already
            c.reply(new ReplyHeader(r.xid(), tree.lastApplied(), Err.OK), new SyncResponse(sync.getPath()));
            return;
        }
        if (r.isWrite()) {
            c.pending.add(r);
            stats.outstanding.incrementAndGet();
            if (!propose(new ClientTxn(config.myId(), c.sessionId, r.xid(), r.type(), replication.wallClockMs(),
                    r.body(), List.copyOf(c.auth)))) {
                CONNECTIONS.info("closing {}: cannot propose {} (not serving)", c, r);
                c.close();
            }
        } else if (c.pending.isEmpty() || r.type() == OpCode.AUTH) {
            // credentials count from the moment they arrive, for the writes behind them, as in ZooKeeper
            // (whose client matches the auth reply by its special xid, not by order)
            answer(c, r);
        } else {
            c.pending.add(r);
            stats.outstanding.incrementAndGet();
        }
    }

    private void answer(Connection c, Request r) {
        c.requestDone();
        reads.answer(c, r);
        stats.latency((System.nanoTime() - r.receivedNanos()) / 1_000_000L);
    }

    private boolean propose(ClientTxn txn) {
        byte[] payload = txn.encode();
        stats.proposal(payload.length);
        return replication.propose(payload);
    }

    void onClose(Connection c) {
        c.closed = true;
        connections.remove(c);
        watches.removeConnection(c);
        if (bySession.get(c.sessionId) == c) {
            bySession.remove(c.sessionId);
        }
        if (awaitingSession.get(c.sessionId) == c) {
            awaitingSession.remove(c.sessionId);
        }
        stats.outstanding.addAndGet(-c.pending.size());
        c.pending.clear();
    }

    void onApplied(ApplyResult res) {
        ClientTxn t = res.txn();
        for (WatchTrigger trigger : res.triggers()) {
            for (WatchManager.Delivery<Connection> d : watches.fire(trigger)) {
                if (!d.connection().closed) {
                    ReadOps.event(d.connection(), d.eventType(), d.path(), res.zxid());
                }
            }
        }
        sessions.touchedByTxn(res.touchedSessions(), tree, replication.monotonicMs());
        boolean mine = t.origin() == config.myId();
        if (t.opType() == OpCode.REATTACH_SESSION && !mine) {
            Connection stale = bySession.remove(t.sessionId()); // its client now talks to another server
            if (stale != null) {
                watches.removeConnection(stale);
                stale.close();
            }
        }
        if (mine && (t.opType() == OpCode.CREATE_SESSION || t.opType() == OpCode.REATTACH_SESSION)) {
            Connection c = awaitingSession.get(t.sessionId());
            if (c != null && !c.closed) {
                awaitingSession.remove(t.sessionId());
                if (res.err() == Err.OK) {
                    attach(c);
                } else {
                    sendConnectResponse(c, 0, 0, new byte[16]);
                    c.close();
                }
            }
        } else if (mine && t.cxid() != 0) {
            Connection c = bySession.get(t.sessionId());
            Request head = c == null ? null : c.pending.peek();
            if (head != null && head.isWrite() && head.xid() == t.cxid() && head.type() == t.opType()) {
                c.pending.poll();
                stats.outstanding.decrementAndGet();
                c.requestDone();
                c.reply(new ReplyHeader(head.xid(), res.zxid(), res.err()), res.response());
                stats.latency((System.nanoTime() - head.receivedNanos()) / 1_000_000L);
                drainReads(c);
            }
        }
        if (res.closedSession() != 0) {
            Connection c = bySession.remove(res.closedSession());
            if (c != null) {
                watches.removeConnection(c);
                c.close();
            }
        }
        stats.lastZxid = res.zxid();
        stats.nodeCount = tree.nodeCount();
    }

    private void drainReads(Connection c) {
        while (!c.pending.isEmpty() && !c.pending.peek().isWrite()) {
            Request r = c.pending.poll();
            stats.outstanding.decrementAndGet();
            answer(c, r);
        }
    }

    void tick() {
        if (mntrAllowed) {
            // counts that cost a walk are refreshed once per tick, not per request, for the admin words
            stats.ephemerals = tree.ephemeralCount();
            stats.dataSize = tree.approximateDataSize();
            stats.watches = watches.count();
        }
        long now = replication.monotonicMs();
        held.expire(now, c -> {
            CONNECTIONS.info("closing {}: ZooKeeperServer not running", c);
            c.close();
        });
        boolean leader = replication.isLeader();
        for (long id : sessions.expired(tree, leader, now)) {
            LOG.info("Expiring session 0x{}", Long.toHexString(id));
            propose(new ClientTxn(config.myId(), id, 0, OpCode.CLOSE_SESSION, replication.wallClockMs(), new byte[0]));
        }
        if (leader) {
            reapContainers(now);
        } else if (now - lastTouchForward >= tickMs / 2) {
            List<Long> touched = sessions.drainTouches(tree, now);
            lastTouchForward = now;
            if (!touched.isEmpty() && replication.status().serving()) {
                long[] ids = touched.stream().mapToLong(Long::longValue).toArray();
                if (!replication.forwardTouches(ids)) {
                    propose(touchTxn(touched));
                }
            }
        }
    }

    void touchesForwarded(long[] sessionIds) {
        List<Long> ids = new ArrayList<>(sessionIds.length);
        for (long id : sessionIds) {
            ids.add(id);
        }
        sessions.touchedByTxn(ids, tree, replication.monotonicMs());
    }

    private void reapContainers(long now) {
        List<String> empty = tree.reapable(replication.wallClockMs());
        reapProposedAt.keySet().retainAll(empty);
        for (String path : empty) {
            Long at = reapProposedAt.get(path);
            if (at == null || now - at > 10L * tickMs) {
                reapProposedAt.put(path, now);
                propose(new ClientTxn(config.myId(), 0, 0, OpCode.DELETE_CONTAINER, replication.wallClockMs(),
                        Jute.toBytes(new DeleteRequest(path, -1))));
            }
        }
    }

    private ClientTxn touchTxn(List<Long> ids) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            BinaryOutputArchive out = BinaryOutputArchive.getArchive(body);
            out.writeInt(ids.size(), "count");
            for (long id : ids) {
                out.writeLong(id, "session");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClientTxn(config.myId(), 0, 0, OpCode.TOUCH_SESSIONS, replication.wallClockMs(),
                body.toByteArray());
    }

    /** Serving again: the session requests held meanwhile are handled now (core thread, status up to date). */
    void servingStarted() {
        held.release(this::onConnect);
    }

    /**
     * Stopped serving: every connection closes, as ZooKeeper's do (a client learns it is cut off only so, and
     * recipes such as Curator's latch rely on that to give up leadership in time); session requests that
     * reach this server meanwhile wait in {@link HeldConnects}.
     */
    void pauseAll() {
        for (Connection c : new ArrayList<>(connections)) {
            if (!c.closed && !held.holds(c)) {
                c.close();
                onClose(c);
            }
        }
    }

    /** Every connection is closed (the tree was replaced under them). */
    void closeAll() {
        for (Connection c : new ArrayList<>(connections)) {
            c.close();
            onClose(c);
        }
        bySession.clear();
        awaitingSession.clear();
    }

    /** The text of "dump", "wchs" or "cons" (core thread). */
    String adminText(String word) {
        StringBuilder b = new StringBuilder();
        switch (word) {
            case "dump" -> {
                b.append("SessionTracker dump:\n");
                b.append("Session Sets (").append(tree.sessions().size()).append("):\n");
                for (SessionEntry s : tree.sessions()) {
                    b.append("0x").append(Long.toHexString(s.id())).append("\ttimeout=").append(s.timeoutMs())
                            .append("ms\towner=").append(s.owner()).append('\n');
                }
                b.append("ephemeral nodes dump:\n");
                List<SessionEntry> owning = tree.sessions().stream().filter(s -> !s.ephemerals().isEmpty()).toList();
                b.append("Sessions with Ephemerals (").append(owning.size()).append("):\n");
                for (SessionEntry s : owning) {
                    b.append("0x").append(Long.toHexString(s.id())).append(":\n");
                    for (String p : s.ephemerals()) {
                        b.append('\t').append(p).append('\n');
                    }
                }
            }
            case "wchs" -> b.append(watches.connectionCount()).append(" connections watching ")
                    .append(watches.pathCount()).append(" paths\nTotal watches:").append(watches.count()).append('\n');
            case "cons" -> {
                for (Connection c : connections) {
                    b.append(' ').append(c.remote()).append("[1](queued=").append(c.pending.size())
                            .append(",sid=0x").append(Long.toHexString(c.sessionId)).append(",to=").append(c.timeoutMs)
                            .append(")\n");
                }
                b.append('\n');
            }
            default -> b.append(word).append(" is not supported by this server.\n");
        }
        return b.toString();
    }

    /** stat's "Clients:" block. */
    String clientLines() {
        StringBuilder b = new StringBuilder();
        for (Connection c : connections) {
            b.append(' ').append(c.remote()).append("[1](queued=").append(c.pending.size())
                    .append(")\n");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "RequestProcessor{connections=" + connections.size() + " sessions=" + bySession.size() + " " + sessions
                + "}";
    }
}
