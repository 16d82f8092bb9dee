package dev.schism.node.client;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.tree.DataTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Test stand-in for the server's core loop: N client layers in one JVM, each with its own core thread,
 * fed by one sequencer that gives every proposal the next zxid and delivers it to every live server in
 * order (a perfect atomic broadcast). Server 1 is the leader; with one server it runs standalone. The
 * client layers are the real thing (Netty, real sockets on 127.0.0.1, ephemeral ports).
 */
public final class InJvmEnsemble implements AutoCloseable {
    final int tickMs;
    /** Deliver followers' session touches to the leader directly (as pings would) instead of as txns. */
    volatile boolean touchesBesideTheLog;
    final List<Server> servers = new ArrayList<>();
    private long zxid = 0x100000000L;

    private final Set<String> fourLetterWords;
    private final int maxClientCnxns;

    public InJvmEnsemble(int size, int tickMs) throws IOException {
        this(size, tickMs, Set.of("*"), 0);
    }

    public InJvmEnsemble(int size, int tickMs, Set<String> fourLetterWords, int maxClientCnxns) throws IOException {
        this.tickMs = tickMs;
        this.fourLetterWords = fourLetterWords;
        this.maxClientCnxns = maxClientCnxns;
        for (int i = 1; i <= size; i++) {
            Server s = new Server(i, size);
            servers.add(s);
        }
        for (Server s : servers) {
            s.start(new DataTree(), 0);
        }
    }

    public Server server(int sid) {
        return servers.get(sid - 1);
    }

    /** "127.0.0.1:p1,127.0.0.1:p2,..." for the live servers. */
    public String connectString() {
        return servers.stream().map(s -> "127.0.0.1:" + s.port).collect(Collectors.joining(","));
    }

    private synchronized void sequence(byte[] payload) {
        Txn txn = new Txn(++zxid, payload);
        for (Server s : servers) {
            if (s.up) {
                s.run(() -> s.applyNow(txn));
            }
        }
    }

    @Override
    public void close() {
        for (Server s : servers) {
            s.kill();
        }
    }

    /** One in-JVM server: a core thread, a data tree and a real client layer. */
    public final class Server implements Replication {
        public final int sid;
        final int size;
        volatile boolean up;
        /** Up but not serving: like a server that lost its quorum and is LOOKING. */
        volatile boolean serving = true;
        volatile long lastZxid;
        public int port;
        private final AtomicLong clockOffset = new AtomicLong();
        private ScheduledExecutorService core;
        DataTree tree;
        ClientLayer layer;

        Server(int sid, int size) {
            this.sid = sid;
            this.size = size;
        }

        void start(DataTree initial, int bindPort) throws IOException {
            tree = initial;
            lastZxid = tree.lastApplied();
            core = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "core-" + sid);
                t.setDaemon(true);
                return t;
            });
            layer = new ClientLayer(new ClientConfig(sid, "127.0.0.1", bindPort, tickMs, maxClientCnxns, 2 * tickMs,
                    20 * tickMs, fourLetterWords), tree, this);
            layer.start();
            port = layer.port();
            up = true;
            core.scheduleAtFixedRate(() -> layer.tick(), tickMs, tickMs, TimeUnit.MILLISECONDS);
        }

        private void applyNow(Txn txn) {
            layer.applyCommitted(txn);
            lastZxid = txn.zxid();
        }

        void run(Runnable task) {
            try {
                core.execute(task);
            } catch (RejectedExecutionException e) {
                // the server was killed; like a dead process it does nothing
            }
        }

        /** Stops the server: its clients lose their connections, it misses every later txn. */
        public void kill() {
            if (!up) {
                return;
            }
            up = false;
            CompletableFuture<Void> done = new CompletableFuture<>();
            run(() -> {
                layer.servingChanged(false);
                done.complete(null);
            });
            done.orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
            layer.close();
            core.shutdownNow();
        }

        /** Stops or resumes serving, as the server shell does when it goes LOOKING and back. */
        public void setServing(boolean now) {
            serving = now;
            onCore(() -> {
                layer.servingChanged(now);
                return null;
            });
        }

        /** Restarts on the same port from a live peer's snapshot (as a SNAP sync would). */
        public void restartFrom(Server peer) throws IOException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                // The lock keeps txns from being sequenced between the snapshot and the start. But the peer's
                // core may itself be waiting for the lock (a client write being sequenced), and then it cannot
                // take the snapshot: after a short wait, let the lock go so the write gets through, and retry.
                synchronized (InJvmEnsemble.this) {
                    CompletableFuture<Snapshot> snap = new CompletableFuture<>();
                    peer.run(() -> snap.complete(peer.tree.snapshot()));
                    try {
                        Snapshot taken = snap.get(200, TimeUnit.MILLISECONDS);
                        DataTree fresh = new DataTree();
                        fresh.restore(taken);
                        start(fresh, port);
                        return;
                    } catch (java.util.concurrent.TimeoutException e) {
                        if (System.nanoTime() > deadline) {
                            throw new IOException("server " + peer.sid + " gave no snapshot within 30 s", e);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted while restarting from server " + peer.sid, e);
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IOException("snapshot of server " + peer.sid + " failed", e.getCause());
                    }
                }
            }
        }

        <T> T onCore(java.util.concurrent.Callable<T> task) {
            CompletableFuture<T> f = new CompletableFuture<>();
            run(() -> {
                try {
                    f.complete(task.call());
                } catch (Exception e) {
                    f.completeExceptionally(e);
                }
            });
            return f.orTimeout(5, TimeUnit.SECONDS).join();
        }

        @Override
        public void execute(Runnable task) {
            run(task);
        }

        @Override
        public boolean propose(byte[] payload) {
            if (!up || !serving) {
                return false;
            }
            sequence(payload);
            return true;
        }

        @Override
        public boolean forwardTouches(long[] sessionIds) {
            if (!touchesBesideTheLog) {
                return false;
            }
            Server leader = server(1);
            if (leader.up) {
                leader.run(() -> leader.layer.touchesForwarded(sessionIds));
            }
            return true;
        }

        @Override
        public NodeStatus status() {
            String mode = size == 1 ? "standalone" : sid == 1 ? "leader" : "follower";
            boolean live = up && serving;
            return new NodeStatus(live ? mode : null, live, sid, 1, lastZxid, size, sid == 1 ? size - 1 : 0,
                    sid == 1 ? size - 1 : 0);
        }

        @Override
        public long adjustClock(long deltaMs) {
            return clockOffset.addAndGet(deltaMs);
        }

        @Override
        public long wallClockMs() {
            return System.currentTimeMillis() + clockOffset.get();
        }

        @Override
        public long monotonicMs() {
            return System.nanoTime() / 1_000_000L + clockOffset.get();
        }

        @Override
        public String toString() {
            return "InJvmServer{" + sid + (up ? " up" : " down") + " port=" + port + "}";
        }
    }
}
