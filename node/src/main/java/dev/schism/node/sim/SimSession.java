package dev.schism.node.sim;

import dev.schism.node.txn.Err;
import dev.schism.node.txn.Jute;
import dev.schism.node.txn.OpCode;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.proto.ConnectRequest;
import org.apache.zookeeper.proto.ConnectResponse;
import org.apache.zookeeper.proto.ReplyHeader;
import org.apache.zookeeper.proto.RequestHeader;
import org.apache.zookeeper.proto.WatcherEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A simulated client session with the official ZooKeeper client's semantics, over the real wire format: it
 * connects to one server, pings when idle, gives a connection up when it has heard nothing for two thirds of
 * the session timeout (or a connect attempt for timeout / servers), then reconnects to the next server with
 * its session id and last zxid seen. Requests in flight on a lost connection end with CONNECTIONLOSS (the
 * caller cannot know whether they happened); a server that answers the reconnect with timeout 0 has expired
 * the session, which then fails every request with SESSIONEXPIRED for good.
 */
public final class SimSession {
    /** ZooKeeper's KeeperException codes the client side adds. */
    public static final int CONNECTION_LOSS = -4;
    private static final int PING_XID = -2;
    private static final int WATCH_XID = -1;

    /** A completed request: err (Err codes, CONNECTION_LOSS, SESSION_EXPIRED), its response (null on error), zxid. */
    public interface Reply {
        void done(int err, Record response, long zxid);
    }

    enum State { CONNECTING, CONNECTED, EXPIRED, CLOSED }

    private record Pending(int xid, int type, Record request, Supplier<Record> response, Reply reply) {
        @Override
        public String toString() {
            return "Pending{xid=" + xid + " " + OpCode.name(type) + "}";
        }
    }

    final long id;
    private final SimCluster cluster;
    private final List<Long> servers;
    private final int requestedTimeoutMs;
    private int next;
    private int timeoutMs;
    private long sessionId;
    private byte[] passwd = new byte[16];
    private long lastZxid;
    private State state = State.CONNECTING;
    private SimLink link;
    private long lastHeard;
    private long lastSent;
    private int xid = 1;
    private final ArrayDeque<Pending> sent = new ArrayDeque<>();
    private final ArrayDeque<Pending> queued = new ArrayDeque<>();
    private Consumer<WatcherEvent> watcher = e -> { };

    SimSession(long id, SimCluster cluster, List<Long> servers, int timeoutMs) {
        this.id = id;
        this.cluster = cluster;
        this.servers = List.copyOf(servers);
        this.requestedTimeoutMs = timeoutMs;
        this.timeoutMs = timeoutMs;
        connectNext();
    }

    /**
     * Where this session's watch notifications go (a request with its watch flag set registers one on the
     * server, as with the official client). Unlike the official client, it does not re-register its watches
     * with SetWatches after moving to another server: a watch lives on the server that took it.
     */
    public void onWatchEvent(Consumer<WatcherEvent> watcher) {
        this.watcher = watcher;
    }

    /**
     * Sends a request (or queues it until connected, as the official client does); {@code reply} is called
     * exactly once, from the cluster's step.
     */
    public void submit(int type, Record request, Supplier<Record> response, Reply reply) {
        if (state == State.EXPIRED || state == State.CLOSED) {
            reply.done(state == State.EXPIRED ? Err.SESSION_EXPIRED : CONNECTION_LOSS, null, 0);
            return;
        }
        Pending p = new Pending(xid++, type, request, response, reply);
        if (state == State.CONNECTED) {
            send(p);
        } else {
            queued.add(p);
        }
    }

    public boolean expired() {
        return state == State.EXPIRED;
    }

    public boolean connected() {
        return state == State.CONNECTED;
    }

    /** The session id the ensemble gave it (0 before the first connect succeeded). */
    public long sessionId() {
        return sessionId;
    }

    /** The server the session is connected (or connecting) to, 0 if none. */
    public long server() {
        return link == null ? 0 : link.server;
    }

    /** Closes the connection without closing the session (the session then expires on the ensemble). */
    public void close() {
        if (state == State.CLOSED) {
            return;
        }
        dropLink();
        failAll(CONNECTION_LOSS);
        state = State.CLOSED;
    }

    private void connectNext() {
        long server = servers.get(next++ % servers.size());
        link = cluster.connect(this, server);
        state = State.CONNECTING;
        lastHeard = cluster.nowMs();
        lastSent = lastHeard;
        ConnectRequest req = new ConnectRequest(0, lastZxid, requestedTimeoutMs, sessionId, passwd, false);
        cluster.toServer(link, Jute.toBytes(req));
    }

    private void send(Pending p) {
        sent.add(p);
        lastSent = cluster.nowMs();
        cluster.toServer(link, frame(new RequestHeader(p.xid, p.type), p.request));
    }

    private static byte[] frame(RequestHeader h, Record body) {
        return Jute.toBytes(h, body);
    }

    /** Timers, each simulated tick: ping when idle, give up a silent connection. */
    void tick(long now) {
        if (state == State.EXPIRED || state == State.CLOSED) {
            return;
        }
        long silence = now - lastHeard;
        long limit = state == State.CONNECTING ? Math.max(Simulation.MS_PER_TICK * 3L, requestedTimeoutMs / servers.size())
                : timeoutMs * 2L / 3;
        if (silence >= limit) {
            reconnect();
        } else if (state == State.CONNECTED && now - lastSent >= timeoutMs / 3) {
            lastSent = now;
            cluster.toServer(link, frame(new RequestHeader(PING_XID, OpCode.PING), null));
        }
    }

    /** A frame from the server, its 4-byte length first. */
    void received(SimLink from, byte[] frame) {
        if (from != link) {
            return;
        }
        lastHeard = cluster.nowMs();
        byte[] body = Arrays.copyOfRange(frame, 4, frame.length);
        try {
            if (state == State.CONNECTING) {
                connected(Jute.read(body, new ConnectResponse()));
            } else {
                reply(body);
            }
        } catch (IOException e) {
            throw new IllegalStateException("sim client " + id + ": unreadable frame from n" + from.server + ": " + e.getMessage(), e);
        }
    }

    private void connected(ConnectResponse r) {
        if (r.getTimeOut() <= 0) {
            dropLink();
            failAll(Err.SESSION_EXPIRED);
            state = State.EXPIRED;
            return;
        }
        sessionId = r.getSessionId();
        passwd = r.getPasswd();
        timeoutMs = r.getTimeOut();
        state = State.CONNECTED;
        List<Pending> waiting = new ArrayList<>(queued);
        queued.clear();
        waiting.forEach(this::send);
    }

    private void reply(byte[] body) throws IOException {
        BinaryInputArchive in = Jute.archive(body);
        ReplyHeader h = new ReplyHeader();
        h.deserialize(in, "header");
        if (h.getXid() == PING_XID) {
            return;
        }
        if (h.getXid() == WATCH_XID) {
            WatcherEvent e = new WatcherEvent();
            e.deserialize(in, "response");
            watcher.accept(e);
            return;
        }
        if (h.getZxid() > 0) {
            lastZxid = Math.max(lastZxid, h.getZxid());
        }
        Pending p = sent.poll();
        if (p == null || p.xid != h.getXid()) {
            throw new IOException("reply xid " + h.getXid() + " does not match the oldest request " + p);
        }
        Record response = null;
        if (h.getErr() == Err.OK && p.response != null) {
            response = p.response.get();
            response.deserialize(in, "response");
        }
        p.reply.done(h.getErr(), response, h.getZxid());
    }

    /** The server closed the connection (or went down): what was in flight is unknown; try the next server. */
    void linkClosed(SimLink l) {
        if (l == link && (state == State.CONNECTED || state == State.CONNECTING)) {
            reconnect();
        }
    }

    private void reconnect() {
        dropLink();
        failAll(CONNECTION_LOSS);
        connectNext();
    }

    private void dropLink() {
        if (link != null) {
            cluster.disconnect(link);
            link = null;
        }
    }

    private void failAll(int err) {
        List<Pending> lost = new ArrayList<>(sent);
        lost.addAll(queued);
        sent.clear();
        queued.clear();
        for (Pending p : lost) {
            p.reply.done(err, null, 0);
        }
    }

    @Override
    public String toString() {
        return "SimSession#" + id + "{0x" + Long.toHexString(sessionId) + " " + state + (link == null ? "" : " n" + link.server)
                + " inflight=" + sent.size() + "}";
    }
}
