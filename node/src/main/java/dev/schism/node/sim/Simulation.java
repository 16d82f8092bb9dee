package dev.schism.node.sim;

import dev.schism.node.core.Envelope;
import dev.schism.node.core.MessageCodec;
import dev.schism.node.core.Peer;
import dev.schism.node.core.PeerConfig;
import dev.schism.node.core.Ready;
import dev.schism.node.core.Role;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One seeded, single-threaded run of an ensemble of {@link Peer}s: a chaos phase that plays a
 * {@link FaultSchedule} (partitions, crashes that lose un-fsynced appends, power losses, restarts, snapshots,
 * client writes at random servers) over background {@link Noise} (loss, duplication, delay, crashes in the
 * middle of a {@link Ready}, paused clocks), then everything heals and the run must establish a leader,
 * commit a new proposal and have every server apply it within {@link SimOptions#healTicks()}.
 * {@link SafetyChecker} is consulted after every action. The same seed and schedule always replay the same run.
 */
public final class Simulation {
    static final int MS_PER_TICK = 100;

    private final long seed;
    private final SimOptions options;
    private final FaultSchedule schedule;
    private final Random rnd;
    private final SimNetwork net;
    private final SafetyChecker checker = new SafetyChecker();
    private final Trace trace;
    private final List<SimNode> nodes = new ArrayList<>();
    private long now;
    public final Map<String, Long> stats = new TreeMap<>();
    private String marker;
    private Txn committedMarker;
    private long markerAt;

    /** The run a seed stands for: its schedule is generated from the seed. */
    public static Simulation forSeed(long seed, SimOptions options) {
        return new Simulation(seed, options, FaultSchedule.generate(seed, options.servers(),
                FaultSchedule.DEFAULT_CHAOS_TICKS, Noise.DEFAULT), false);
    }

    /**
     * @param seed      drives the noise (the schedule is given separately, so shrinking can edit it)
     * @param keepTrace keep every event as text ({@link #fullTrace()}), not only the hash and the last 50
     */
    public Simulation(long seed, SimOptions options, FaultSchedule schedule, boolean keepTrace) {
        this.seed = seed;
        this.options = options;
        this.schedule = schedule;
        // The noise stream differs from the schedule's, which FaultSchedule.generate draws from Random(seed).
        this.rnd = new Random(seed ^ 0x9E3779B97F4A7C15L);
        this.trace = new Trace(50, keepTrace);
        this.net = new SimNetwork(rnd);
        Set<Long> voters = new LinkedHashSet<>();
        Set<Long> observers = new LinkedHashSet<>();
        for (long i = 1; i <= options.voters(); i++) {
            voters.add(i);
        }
        for (long i = 1; i <= options.observers(); i++) {
            observers.add(options.voters() + i);
        }
        Set<Long> all = new LinkedHashSet<>(voters);
        all.addAll(observers);
        for (long sid : all) {
            nodes.add(new SimNode(sid, new PeerConfig(sid, Set.copyOf(voters), Set.copyOf(observers), MS_PER_TICK,
                    200, 10, 5)));
        }
    }

    /** Runs to the end and says how it went; never throws for a failed check. */
    public Outcome play() {
        try {
            run();
            return new Outcome(seed, Outcome.Verdict.SAFE, null, null, now, trace.hash(), committed());
        } catch (SafetyChecker.InvariantViolation e) {
            trace.add(now, "UNSAFE " + e.getMessage());
            return new Outcome(seed, Outcome.Verdict.UNSAFE, e.kind(), e.getMessage(), now, trace.hash(), committed());
        } catch (LivenessFailure e) {
            trace.add(now, "STUCK " + e.getMessage());
            return new Outcome(seed, Outcome.Verdict.STUCK, "stuck", e.getMessage(), now, trace.hash(), committed());
        } catch (IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException | NullPointerException e) {
            // The core refused its own state (or broke): as much a failure of the protocol as a broken check.
            String what = "a server's core failed: " + e.getMessage();
            trace.add(now, "UNSAFE " + what);
            return new Outcome(seed, Outcome.Verdict.UNSAFE, "core-failure", what, now, trace.hash(), committed());
        }
    }

    /** Runs the seed; throws {@link SafetyChecker.InvariantViolation} or {@link LivenessFailure}. */
    public void run() {
        Noise noise = schedule.noise();
        net.dropRate = noise.drop();
        net.duplicateRate = noise.duplicate();
        net.maxDelay = noise.maxDelay();
        for (SimNode n : nodes) {
            boot(n, true);
        }
        List<Fault> faults = schedule.faults();
        int f = 0;
        for (int i = 0; i < schedule.chaosTicks(); i++) {
            while (f < faults.size() && faults.get(f).tick() <= i) {
                Fault next = faults.get(f++);
                reseed(next.tick() * 31L + next.kind().ordinal() + 1);
                act(next);
            }
            step(true);
        }
        heal();
        for (int i = 0; i < options.healTicks(); i++) {
            step(false);
            if (livenessReached()) {
                stats.merge("healTicks", (long) i, Long::sum);
                stats.merge("maxHealTicks", (long) i, Math::max);
                return;
            }
        }
        throw new LivenessFailure((committedMarker == null ? "no leader committed a new proposal"
                : "not every server applied " + committedMarker) + " within " + options.healTicks()
                + " ticks after healing");
    }

    /**
     * The noise is drawn from a stream restarted at every tick (and every fault) from the seed and that point,
     * not from one stream for the whole run: removing a fault then leaves the noise of every other tick as it
     * was, so shrinking compares like with like.
     */
    private void reseed(long point) {
        long z = seed * 0x9E3779B97F4A7C15L + point * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 31)) * 0x94D049BB133111EBL;
        rnd.setSeed(z ^ (z >>> 29));
    }

    private void step(boolean chaos) {
        now++;
        reseed(-now);
        for (SimNode n : nodes) {
            if (n.alive() && n.fsyncPending && n.fsyncAt <= now) {
                completeFsync(n);
                drain(n, chaos);
            }
        }
        for (SimNode n : nodes) {
            if (n.alive() && !(chaos && rnd.nextDouble() < schedule.noise().clockPause())) { // a paused or slow clock skips a tick
                n.peer.tick();
                drain(n, chaos);
            }
        }
        boolean batch = chaos && rnd.nextDouble() < schedule.noise().batch();
        for (SimNetwork.Packet p : net.due(now)) {
            SimNode to = node(p.to());
            if (to.alive()) {
                trace.add(now, p);
                to.peer.step(MessageCodec.decode(p.bytes()));
                if (!batch) {
                    drain(to, chaos);
                }
            }
        }
        if (batch) { // the shell took several inputs before collecting one bigger Ready (group commit)
            for (SimNode n : nodes) {
                drain(n, chaos);
            }
        }
    }

    private void act(Fault f) {
        SimNode n = f.nodes().isEmpty() ? null : node(f.node());
        switch (f.kind()) {
            case POWER_LOSS -> {
                for (long sid : f.nodes()) { // every server at once: un-fsynced appends vanish
                    if (node(sid).alive()) {
                        crash(node(sid), "power loss");
                    }
                }
            }
            case CRASH -> {
                if (n.alive()) {
                    crash(n, "crash");
                }
            }
            case RESTART -> {
                if (!n.alive()) {
                    boot(n, true);
                }
            }
            case PARTITION -> partition(Set.copyOf(f.nodes()), f.quorumOnly());
            case HEAL -> {
                net.healAll();
                trace.add(now, "heal partition");
            }
            case SNAPSHOT -> {
                if (n.alive()) {
                    takeSnapshot(n);
                }
            }
            case PROPOSE -> {
                if (n.alive()) {
                    propose(n, "p" + f.tick());
                }
            }
        }
    }

    private void partition(Set<Long> side, boolean quorumOnly) {
        net.healAll();
        for (SimNode na : nodes) {
            for (SimNode nb : nodes) {
                long a = na.sid;
                long b = nb.sid;
                if (a != b && side.contains(a) != side.contains(b)) {
                    if (quorumOnly) {
                        net.cutQuorum(a, b);
                    } else {
                        net.cut(a, b);
                    }
                    if (nb.alive() && rnd.nextBoolean()) { // some servers notice the broken link at once
                        nb.peer.linkDown(a);
                        drain(nb, true);
                    }
                }
            }
        }
        trace.add(now, "partition " + new java.util.TreeSet<>(side) + " | rest" + (quorumOnly ? " (quorum channel only)" : ""));
    }

    private void heal() {
        net.healAll();
        net.dropRate = 0;
        net.duplicateRate = 0;
        net.maxDelay = Math.min(net.maxDelay, 3); // latency back well inside initLimit and syncLimit
        trace.add(now, "heal everything");
        for (SimNode n : nodes) {
            if (!n.alive()) {
                boot(n, false);
            }
        }
    }

    private boolean livenessReached() {
        if (marker != null) {
            if (committedMarker != null) {
                return everyServerApplied(committedMarker);
            }
            for (int i = checker.history.size() - 1; i >= 0 && i >= checker.history.size() - 50; i--) {
                if (new String(checker.history.get(i).payload(), StandardCharsets.UTF_8).equals(marker)) {
                    committedMarker = checker.history.get(i);
                    return everyServerApplied(committedMarker);
                }
            }
            if (now - markerAt < 60) {
                return false;
            }
        }
        for (SimNode n : nodes) {
            if (n.alive() && n.peer.role() == Role.LEADING && n.peer.serving()) {
                String m = "live-" + now;
                if (n.peer.propose(m.getBytes(StandardCharsets.UTF_8))) {
                    marker = m;
                    markerAt = now;
                    trace.add(now, "liveness marker " + m + " at n" + n.sid);
                    drain(n, false);
                }
                break;
            }
        }
        return false;
    }

    /** Convergence: every server, observers included, has caught up to the committed marker. */
    private boolean everyServerApplied(Txn t) {
        for (SimNode n : nodes) {
            if (n.machine.lastZxid() < t.zxid()) {
                return false;
            }
        }
        return true;
    }

    private void propose(SimNode n, String payload) {
        boolean ok = n.peer.propose(payload.getBytes(StandardCharsets.UTF_8));
        trace.add(now, "propose " + payload + " at n" + n.sid + (ok ? "" : " (refused)"));
        drain(n, true);
    }

    private void takeSnapshot(SimNode n) {
        Snapshot s = n.machine.snapshot();
        n.disk.compact(s);
        n.peer.snapshotTaken(s.zxid());
        trace.add(now, "snapshot n" + n.sid + " " + s);
    }

    private void boot(SimNode n, boolean chaos) {
        n.machine.restore(n.disk.snapshot);
        checker.restored(n.sid, n.machine.applied);
        n.peer = new Peer(n.config, n.disk.recover(), n.machine);
        if (options.bug() != null) {
            n.peer.injectBug(options.bug());
        }
        n.boots++;
        trace.add(now, "boot n" + n.sid + " " + n.disk);
        drain(n, chaos);
    }

    private void crash(SimNode n, String why) {
        stats.merge("crash", 1L, Long::sum);
        n.peer = null;
        n.fsyncPending = false;
        n.held.clear();
        n.disk.crash();
        trace.add(now, why + " n" + n.sid + " " + n.disk);
    }

    /** Executes the peer's batches in {@link Ready}'s order; in chaos a crash may cut one short. */
    private void drain(SimNode n, boolean chaos) {
        while (n.alive()) {
            Ready r = n.peer.ready();
            if (r.isEmpty()) {
                return;
            }
            int crashAt = chaos && rnd.nextDouble() < schedule.noise().midReadyCrash() ? rnd.nextInt(4) : -1;
            if (!execute(n, r, crashAt)) {
                return;
            }
        }
    }

    private boolean execute(SimNode n, Ready r, int crashAt) {
        if (r.acceptedEpoch() >= 0) {
            n.disk.acceptedEpoch = r.acceptedEpoch();
        }
        if (r.currentEpoch() >= 0) {
            n.disk.currentEpoch = r.currentEpoch();
        }
        if (crashAt == 0) {
            crash(n, "crash after epochs of " + r);
            return false;
        }
        if (r.snapshotToInstall() != null) {
            n.disk.install(r.snapshotToInstall());
            n.machine.restore(r.snapshotToInstall());
            checker.restored(n.sid, n.machine.applied);
        }
        if (r.truncateTo() >= 0) {
            n.disk.truncate(r.truncateTo());
        }
        n.disk.log.addAll(r.toLog());
        if (crashAt == 1) {
            crash(n, "crash before fsync of " + r);
            return false;
        }
        if (r.mustSync() && !n.fsyncPending) {
            // Group commit: the fsync runs in the background and covers whatever is appended until it ends.
            n.fsyncPending = true;
            n.fsyncAt = now + 1 + rnd.nextInt(2);
        }
        if (r.mustSync() || !n.held.isEmpty()) {
            n.held.addAll(r.messages()); // nothing is promised before it is durable, and order is kept
        } else {
            for (Envelope e : r.messages()) {
                net.send(now, n.sid, e.to(), e.message());
            }
        }
        if (crashAt == 2 || crashAt == 3) {
            crash(n, "crash after sending " + r);
            return false;
        }
        for (Txn t : r.committed()) {
            checker.applied(n.sid, n.machine.applied.size(), t, n.machine.lastZxid());
            n.machine.applied.add(t);
        }
        for (RoleChange c : r.roleChanges()) {
            stats.merge(c.role().name(), 1L, Long::sum);
            trace.add(now, "n" + n.sid + " " + c);
            checker.roleChange(n.sid, c, n.machine.applied.size());
        }
        return true;
    }

    private void completeFsync(SimNode n) {
        n.fsyncPending = false;
        n.disk.synced = n.disk.log.size();
        for (Envelope e : n.held) {
            net.send(now, n.sid, e.to(), e.message());
        }
        n.held.clear();
        long last = n.disk.log.isEmpty() ? (n.disk.snapshot == null ? 0 : n.disk.snapshot.zxid())
                : n.disk.log.get(n.disk.log.size() - 1).zxid();
        n.peer.persisted(last);
    }

    private SimNode node(long sid) {
        return nodes.get((int) sid - 1);
    }

    public String report(Throwable failure) {
        StringBuilder b = new StringBuilder();
        b.append("seed ").append(seed).append(" (").append(options).append(") failed at t=").append(now)
                .append(": ").append(failure.getMessage()).append('\n')
                .append("schedule: ").append(schedule).append('\n');
        for (SimNode n : nodes) {
            b.append("  ").append(n).append('\n');
        }
        b.append("last events:\n").append(trace.dump());
        return b.toString();
    }

    /** The hash of every event so far (equal hashes: the same run). */
    public String traceHash() {
        return trace.hash();
    }

    /** Every event as text, or null unless made with {@code keepTrace}. */
    public String fullTrace() {
        return trace.full();
    }

    /** The last 50 events, one per line. */
    public String lastEvents() {
        return trace.dump();
    }

    public Map<String, Long> messageTypes() {
        return net.byType;
    }

    public long messagesSent() {
        return net.sent;
    }

    public int committed() {
        return checker.history.size();
    }

    @Override
    public String toString() {
        return "Simulation{seed=" + seed + " " + options + " t=" + now + "}";
    }

    /** The healed ensemble did not commit and spread a new write in time. */
    public static final class LivenessFailure extends RuntimeException {
        LivenessFailure(String message) {
            super(message, null, false, false);
        }
    }
}
