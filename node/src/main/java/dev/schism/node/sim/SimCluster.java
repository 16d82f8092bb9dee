package dev.schism.node.sim;

import dev.schism.node.core.Envelope;
import dev.schism.node.core.MessageCodec;
import dev.schism.node.core.RoleChange;
import dev.schism.node.server.EventJournal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A whole simulated ensemble for client workloads, driven one 100 ms tick at a time by its caller (the
 * harness's sim backend): {@link SimServer}s over a lossy peer network, {@link SimSession} clients whose
 * frames reach the servers' client layers a tick later, and the faults the harness's nemeses name (grudge
 * partitions, crash and restart, power loss, pause and resume, clock offsets, snapshots). One seed, one
 * thread, no wall clock: the same calls in the same order replay the same run.
 */
public final class SimCluster {
    private final Random rnd;
    private final SimNetwork net;
    private final List<SimServer> servers = new ArrayList<>();
    private final List<SimSession> sessions = new ArrayList<>();
    /**
     * Due frames go link by link (in link order, each link's frames in order), not in the order they were
     * queued: the client layer closes connections in the iteration order of identity-hashed sets, which
     * differs from one run to the next.
     */
    private final PriorityQueue<ClientFrame> frames = new PriorityQueue<>((a, b) -> a.at != b.at
            ? Long.compare(a.at, b.at) : a.link.id != b.link.id ? Long.compare(a.link.id, b.link.id)
            : Long.compare(a.seq, b.seq));
    private final Map<Long, List<SimLink>> linksOf = new TreeMap<>();
    private final Map<Long, List<SimNetwork.Packet>> heldForPaused = new TreeMap<>();
    /** Each server's role changes as events.jsonl lines, by server id. */
    private final Map<Long, List<String>> journal = new TreeMap<>();
    private final List<String> ownExits = new ArrayList<>();
    /** The run's event hash; null in runs nobody compares by hash (explore), which then skip hashing every packet. */
    private Trace trace = new Trace(50, false);
    private long tick;
    private long seq;
    private long nextLinkId = 1;

    private enum FrameKind { TO_SERVER, TO_CLIENT, SERVER_CLOSED, CLIENT_CLOSED }

    private record ClientFrame(long at, long seq, SimLink link, FrameKind kind, byte[] bytes) {
        @Override
        public String toString() {
            return kind + " " + link + (bytes == null ? "" : " " + bytes.length + "B");
        }
    }

    /**
     * @param noise the peer network's loss, duplication and delay (the other knobs are the caller's to use)
     */
    public SimCluster(long seed, int voters, String bug, Noise noise) {
        new SimOptions(voters, 0, 0, bug); // the same checks as the protocol simulation's
        this.rnd = new Random(seed ^ 0x5DEECE66DL);
        this.net = new SimNetwork(rnd);
        net.countTypes = false;
        net.dropRate = noise.drop();
        net.duplicateRate = noise.duplicate();
        net.maxDelay = noise.maxDelay();
        Set<Long> ids = new java.util.TreeSet<>(); // iterates the same in every JVM, unlike Set.of
        for (long i = 1; i <= voters; i++) {
            ids.add(i);
        }
        SimServer.Outbound out = new SimServer.Outbound() {
            @Override
            public void send(long from, Envelope e) {
                net.send(tick, from, e.to(), e.message());
            }

            @Override
            public void roleChanged(long sid, RoleChange c) {
                journal.get(sid).add(EventJournal.line(server(sid).wallClockMs(), sid, c));
                trace(tick, "n" + sid + " " + c);
            }

            @Override
            public void stoppedServing(long sid) {
            }
        };
        for (long sid : ids) {
            SimServer s = new SimServer(sid, java.util.Collections.unmodifiableSet(ids), new java.util.TreeSet<>(), bug,
                    this::nowMs, out);
            servers.add(s);
            linksOf.put(sid, new ArrayList<>());
            journal.put(sid, new ArrayList<>());
        }
        for (SimServer s : servers) {
            s.boot();
        }
    }

    public long nowMs() {
        return tick * Simulation.MS_PER_TICK;
    }

    public int size() {
        return servers.size();
    }

    /** One tick: fsyncs and timers, then the peer messages and client frames that are due, then client timers. */
    public void step() {
        tick++;
        for (SimServer s : servers) {
            if (s.alive() && !s.paused) {
                guarded(s, s::tick);
            }
        }
        for (SimNetwork.Packet p : net.due(tick)) {
            deliver(p);
        }
        List<ClientFrame> later = new ArrayList<>();
        while (!frames.isEmpty() && frames.peek().at <= tick) {
            ClientFrame f = frames.poll();
            if (!deliver(f)) {
                later.add(f);
            }
        }
        for (ClientFrame f : later) {
            frames.add(new ClientFrame(tick + 1, f.seq, f.link, f.kind, f.bytes)); // a paused server reads later
        }
        for (SimSession s : List.copyOf(sessions)) {
            s.tick(nowMs());
        }
    }

    private void deliver(SimNetwork.Packet p) {
        SimServer to = server(p.to());
        if (!to.alive()) {
            return;
        }
        if (to.paused) {
            heldForPaused.computeIfAbsent(p.to(), k -> new ArrayList<>()).add(p);
            return;
        }
        trace(tick, p);
        guarded(to, () -> {
            to.peer.step(MessageCodec.decode(p.bytes()));
            to.drain();
        });
    }

    /**
     * Runs one step of a server's code. An error there stops that server, as the real node's fatal handler
     * does (exit 4: it must not acknowledge what it might lose), instead of ending the whole simulation; the
     * run reports it as {@link #ownExits()}. A seeded bug such as epoch-reuse gets there (an append out of
     * zxid order).
     */
    private void guarded(SimServer s, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            ownExits.add("n" + s.sid + " stopped itself at " + nowMs() + " ms: " + e.getMessage());
            crash(s.sid);
        }
    }

    /** Every server that stopped itself on an error, one line each, as "n2 stopped itself at 8100 ms: ...". */
    public List<String> ownExits() {
        return List.copyOf(ownExits);
    }

    /** False if the frame must wait (its server is paused). */
    private boolean deliver(ClientFrame f) {
        SimLink l = f.link;
        SimServer s = server(l.server);
        switch (f.kind) {
            case TO_SERVER -> {
                if (l.closed || l.serverEnd == null || !s.alive()) {
                    return true;
                }
                if (s.paused) {
                    return false;
                }
                guarded(s, () -> {
                    s.clients.receive(l.serverEnd, f.bytes);
                    s.drain();
                });
            }
            case CLIENT_CLOSED -> {
                if (s.alive() && l.serverEnd != null && !l.serverEnd.closed()) {
                    if (s.paused) {
                        return false;
                    }
                    guarded(s, () -> {
                        s.clients.disconnected(l.serverEnd);
                        s.drain();
                    });
                }
                linksOf.get(l.server).remove(l);
            }
            case TO_CLIENT -> l.session.received(l, f.bytes);
            case SERVER_CLOSED -> {
                if (s.alive() && l.serverEnd != null) {
                    guarded(s, () -> {
                        s.clients.disconnected(l.serverEnd); // the channel's end reaches the core thread
                        s.drain();
                    });
                }
                linksOf.get(l.server).remove(l);
                l.session.linkClosed(l);
            }
        }
        return true;
    }

    // ---- clients ----

    /** A new client session that starts at {@code home} and fails over through the others in order. */
    public SimSession openSession(long home, int timeoutMs) {
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            order.add(1L + Math.floorMod(home - 1 + i, (long) servers.size()));
        }
        return session(order, timeoutMs);
    }

    /** A client session that only ever talks to {@code server} (as a client given one address does). */
    public SimSession openPinned(long server, int timeoutMs) {
        return session(List.of(server), timeoutMs);
    }

    private SimSession session(List<Long> order, int timeoutMs) {
        SimSession s = new SimSession(sessions.size() + 1L, this, order, timeoutMs);
        sessions.add(s);
        return s;
    }

    /** Forgets a closed session (its timers stop). */
    public void forget(SimSession s) {
        s.close();
        sessions.remove(s);
    }

    SimLink connect(SimSession session, long server) {
        SimLink l = new SimLink(nextLinkId++, session, server, new SimLink.ClientFrames() {
            @Override
            public void toClient(SimLink link, byte[] frame) {
                enqueue(link, FrameKind.TO_CLIENT, frame);
            }

            @Override
            public void closedByServer(SimLink link) {
                enqueue(link, FrameKind.SERVER_CLOSED, null);
            }
        });
        SimServer s = server(server);
        if (!s.alive() || s.paused && rnd.nextBoolean()) {
            l.closed = true; // refused, or the connect timed out in the backlog of a stopped process
            enqueue(l, FrameKind.SERVER_CLOSED, null);
            return l;
        }
        linksOf.get(server).add(l);
        l.serverEnd = s.clients.open(l);
        return l;
    }

    void toServer(SimLink l, byte[] frame) {
        enqueue(l, FrameKind.TO_SERVER, frame);
    }

    void disconnect(SimLink l) {
        if (!l.closed) {
            l.closed = true;
            enqueue(l, FrameKind.CLIENT_CLOSED, null);
        }
    }

    private void enqueue(SimLink l, FrameKind kind, byte[] bytes) {
        frames.add(new ClientFrame(tick + 1, seq++, l, kind, bytes));
    }

    // ---- faults ----

    /** SIGKILL: the process and its connections are gone; its disk keeps what was fsynced. */
    public void crash(long sid) {
        SimServer s = server(sid);
        if (!s.alive()) {
            return;
        }
        s.crash();
        heldForPaused.remove(sid);
        for (SimLink l : List.copyOf(linksOf.get(sid))) {
            if (!l.closed) {
                l.closed = true;
                enqueue(l, FrameKind.SERVER_CLOSED, null);
            }
        }
        trace(tick, "crash n" + sid + " " + s.disk);
    }

    public void restart(long sid) {
        SimServer s = server(sid);
        if (!s.alive()) {
            s.boot();
            trace(tick, "boot n" + sid + " " + s.disk);
        }
    }

    public boolean alive(long sid) {
        return server(sid).alive();
    }

    /** SIGSTOP: no timers, no reads; what arrives waits in the socket buffers. */
    public void pause(long sid) {
        SimServer s = server(sid);
        if (s.alive()) {
            s.paused = true;
            trace(tick, "pause n" + sid);
        }
    }

    public void resume(long sid) {
        SimServer s = server(sid);
        if (s.alive() && s.paused) {
            s.paused = false;
            trace(tick, "resume n" + sid);
            for (SimNetwork.Packet p : heldForPaused.getOrDefault(sid, List.of())) {
                deliver(p);
            }
            heldForPaused.remove(sid);
        }
    }

    /**
     * A grudge: each node maps to the nodes it cannot hear. With {@code refuse}, connections are reset, so
     * both ends notice at once; otherwise bytes vanish silently and the timeouts have to notice. With
     * {@code quorumOnly} election notifications still pass (a blocked quorum port).
     */
    public void partition(Map<Long, Set<Long>> grudge, boolean refuse, boolean quorumOnly) {
        net.healAll();
        for (Map.Entry<Long, Set<Long>> e : new TreeMap<>(grudge).entrySet()) {
            for (long from : new java.util.TreeSet<>(e.getValue())) {
                if (quorumOnly) {
                    net.cutQuorum(from, e.getKey());
                } else {
                    net.cut(from, e.getKey());
                }
                if (refuse) {
                    linkDown(e.getKey(), from);
                    linkDown(from, e.getKey());
                }
            }
        }
        trace(tick, "partition " + grudge + (refuse ? " refuse" : "") + (quorumOnly ? " quorum only" : ""));
    }

    private void linkDown(long at, long peer) {
        SimServer s = server(at);
        if (s.alive() && !s.paused) {
            s.peer.linkDown(peer);
            s.drain();
        }
    }

    public void heal() {
        net.healAll();
        trace(tick, "heal");
    }

    /** A latency fault on every peer link: messages sent from now on take {@code ms} ± {@code jitterMs} longer (0, 0 clears it). */
    public void latency(long ms, long jitterMs) {
        net.latency(ms, jitterMs);
        trace.add(tick, "latency " + ms + "±" + jitterMs + "ms");
    }

    /** Shifts a server's clocks (monotonic and wall) by {@code deltaMs}. */
    public void bumpClock(long sid, long deltaMs) {
        server(sid).adjustClock(deltaMs);
        trace(tick, "clock n" + sid + " " + deltaMs);
    }

    public void resetClocks() {
        for (SimServer s : servers) {
            s.clockOffsetMs = 0;
        }
    }

    public void snapshot(long sid) {
        SimServer s = server(sid);
        if (s.alive() && !s.paused) {
            s.snapshot();
        }
    }

    // ---- what the harness observes ----

    /** The established, serving leader, or 0. */
    public long leader() {
        for (SimServer s : servers) {
            if (s.alive() && s.leads()) {
                return s.sid;
            }
        }
        return 0;
    }

    /** Every role change so far, as events.jsonl lines, per server. */
    public Map<Long, List<String>> journals() {
        Map<Long, List<String>> m = new TreeMap<>();
        journal.forEach((sid, lines) -> m.put(sid, new ArrayList<>(lines)));
        return m;
    }

    /** A hash of every peer message delivered, fault and role change: equal hashes, the same run. */
    public String traceHash() {
        if (trace == null) {
            throw new IllegalStateException("this cluster keeps no trace");
        }
        return trace.hash();
    }

    /** Stops hashing events (every delivered packet's bytes): for runs judged by their history alone. */
    public SimCluster untraced() {
        trace = null;
        return this;
    }

    private void trace(long at, Object event) {
        if (trace != null) {
            trace.add(at, event);
        }
    }

    private SimServer server(long sid) {
        return servers.get((int) sid - 1);
    }

    @Override
    public String toString() {
        return "SimCluster{t=" + nowMs() + "ms " + servers + "}";
    }
}
