package dev.schism.harness.backend;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Pause, resume, the running and paused sets, clock shifts with their running offsets, and who leads, for the
 * nodes of any backend: the bodies every {@code ProcessControl}, {@code ClockControl} and {@code Cluster}
 * would otherwise repeat. A backend keeps kill and start, which differ (a process, a container), and
 * delegates the rest.
 */
public final class NodeHandles {
    private static final int ADMIN_TIMEOUT_MS = 1000;

    /** How a node's clock is moved when not by the node's own {@code clok} word (libfaketime's file, for ZooKeeper). */
    @FunctionalInterface
    public interface ClockMover {
        void move(NodeHandle node, long newOffsetMs, long deltaMs) throws IOException;
    }

    private final Supplier<List<? extends NodeHandle>> handles;
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();

    /** {@code handles}: the nodes started so far, in id order. */
    public NodeHandles(Supplier<List<? extends NodeHandle>> handles) {
        this.handles = handles;
    }

    /** The node by name; IllegalArgumentException naming the known ones if there is none. */
    public NodeHandle get(String name) {
        List<? extends NodeHandle> all = handles.get();
        return all.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown node " + name + " (nodes: " + all.stream().map(NodeHandle::name).toList() + ")"));
    }

    public void pause(String node) throws IOException {
        get(node).pause();
    }

    public void resume(String node) throws IOException {
        get(node).resume();
    }

    public Set<String> running() {
        Set<String> s = new LinkedHashSet<>();
        handles.get().stream().filter(NodeHandle::alive).forEach(h -> s.add(h.name()));
        return s;
    }

    public Set<String> paused() {
        Set<String> s = new LinkedHashSet<>();
        handles.get().stream().filter(NodeHandle::paused).forEach(h -> s.add(h.name()));
        return s;
    }

    /** Shifts by the node's {@code clok} admin word. */
    public void shift(String node, long deltaMs) throws IOException {
        shift(node, deltaMs, (h, offset, delta) -> FourLetterWords.clok(h.adminAddress(), delta, ADMIN_TIMEOUT_MS));
    }

    /** Shifts a running, unpaused node's clock by {@code mover} and adds the delta to its offset. */
    public void shift(String node, long deltaMs, ClockMover mover) throws IOException {
        NodeHandle h = get(node);
        if (!h.alive() || h.paused()) {
            throw new IOException(node + " is " + (h.alive() ? "paused" : "not running") + "; its clock cannot be shifted now");
        }
        mover.move(h, offset(node) + deltaMs, deltaMs);
        offsets.merge(node, deltaMs, Long::sum);
    }

    public long offset(String node) {
        return offsets.getOrDefault(node, 0L);
    }

    /** A killed or restarted node starts with a true clock: its offset lived in its memory. */
    public void clearOffset(String node) {
        offsets.remove(node);
    }

    /** The one running, unpaused node whose {@code srvr} says leader (or standalone); empty if none or several. */
    public Optional<String> leader() {
        List<String> leaders = new ArrayList<>();
        for (NodeHandle h : handles.get()) {
            if (h.alive() && !h.paused()) {
                Optional<String> mode = FourLetterWords.mode(h.adminAddress(), ADMIN_TIMEOUT_MS);
                if (mode.isPresent() && (mode.get().equals("leader") || mode.get().equals("standalone"))) {
                    leaders.add(h.name());
                }
            }
        }
        return leaders.size() == 1 ? Optional.of(leaders.get(0)) : Optional.empty();
    }

    /**
     * The highest-id running node among those in the newest epoch. FastLeaderElection orders votes by epoch,
     * zxid, then id; within an epoch, {@code srvr} shows applied zxids, which differ only by commits in
     * flight, while the logs the election compares are the same, so the id decides.
     */
    public Optional<String> favourite() {
        String best = null;
        long bestEpoch = Long.MIN_VALUE;
        for (NodeHandle h : handles.get()) { // in id order, so a later node of the same epoch has the higher id
            if (h.alive() && !h.paused()) {
                Optional<Long> z = FourLetterWords.zxid(h.adminAddress(), ADMIN_TIMEOUT_MS);
                if (z.isPresent() && (z.get() >>> 32) >= bestEpoch) {
                    best = h.name();
                    bestEpoch = z.get() >>> 32;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The {@link #leader()} once there is one; else an IOException with every node's mode and {@code hint}. */
    public String awaitLeader(Duration timeout, String hint) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> l = leader();
            if (l.isPresent()) {
                return l.get();
            }
            if (System.nanoTime() > deadline) {
                StringBuilder modes = new StringBuilder();
                for (NodeHandle h : handles.get()) {
                    modes.append(' ').append(h.name()).append('=').append(FourLetterWords.mode(h.adminAddress(), ADMIN_TIMEOUT_MS).orElse("?"));
                }
                throw new IOException("no leader within " + timeout.toSeconds() + " s (modes:" + modes + ")" + hint);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    @Override
    public String toString() {
        return "node-handles" + handles.get().stream().map(NodeHandle::name).toList() + " offsets " + offsets;
    }
}
