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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * One seeded, single-threaded run of an ensemble of {@link Peer}s: a chaos phase (loss, duplication,
 * delay, partitions, crashes that lose un-fsynced appends, crashes in the middle of a {@link Ready},
 * paused clocks, client proposals at random servers), then everything heals and the run must establish a
 * leader, commit a new proposal and have every server apply it within {@link Options#healTicks()}.
 * {@link SafetyChecker} is consulted after every action. The same seed always replays the same run.
 */
final class Simulation {
    /** Knobs of one run; {@link #forSeed} picks the ensemble shape from the seed. */
    record Options(int voters, int observers, int chaosTicks, int healTicks, double dropRate, double duplicateRate,
                   int maxDelay, String bug) {
        /**
         * The ensemble shape cycles with the seed. {@code -Dsim.chaosTicks=N} lengthens the chaos phase,
         * {@code -Dsim.drop / sim.dup / sim.maxDelay} make the network worse, {@code -Dsim.bug=NAME} seeds a
         * protocol bug (see {@code Peer.injectBug}).
         */
        static Options forSeed(long seed) {
            int chaos = Integer.getInteger("sim.chaosTicks", 300);
            double drop = Double.parseDouble(System.getProperty("sim.drop", "0.05"));
            double dup = Double.parseDouble(System.getProperty("sim.dup", "0.03"));
            int delay = Integer.getInteger("sim.maxDelay", 3);
            String bug = System.getProperty("sim.bug", "");
            bug = bug.isBlank() ? null : bug.trim();
            return switch ((int) Math.floorMod(seed, 4L)) {
                case 0 -> new Options(3, 0, chaos, 2000, drop, dup, delay, bug);
                case 1 -> new Options(5, 0, chaos, 2000, drop, dup, delay, bug);
                case 2 -> new Options(3, 1, chaos, 2000, drop, dup, delay, bug);
                default -> new Options(4, 1, chaos, 2000, drop, dup, delay, bug);
            };
        }

        Options withBug(String name) {
            return new Options(voters, observers, chaosTicks, healTicks, dropRate, duplicateRate, maxDelay, name);
        }

        @Override
        public String toString() {
            return voters + " voters + " + observers + " observers, " + chaosTicks + " chaos ticks"
                    + (bug == null ? "" : ", bug " + bug);
        }
    }

    static final int MS_PER_TICK = 100;

    private final long seed;
    private final Options options;
    private final Random rnd;
    private final SimNetwork net;
    private final SafetyChecker checker = new SafetyChecker();
    private final Trace trace = new Trace(50);
    private final List<SimNode> nodes = new ArrayList<>();
    private long now;
    final Map<String, Long> stats = new TreeMap<>();
    private int proposals;
    private String marker;
    private Txn committedMarker;
    private long markerAt;

    Simulation(long seed, Options options) {
        this.seed = seed;
        this.options = options;
        this.rnd = new Random(seed);
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

    /** Runs the seed; throws {@link SafetyChecker.InvariantViolation} or {@link LivenessFailure}. */
    void run() {
        net.dropRate = options.dropRate();
        net.duplicateRate = options.duplicateRate();
        net.maxDelay = options.maxDelay();
        for (SimNode n : nodes) {
            boot(n, true);
        }
        for (int i = 0; i < options.chaosTicks(); i++) {
            chaos();
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

    private void step(boolean chaos) {
        now++;
        for (SimNode n : nodes) {
            if (n.alive() && n.fsyncPending && n.fsyncAt <= now) {
                completeFsync(n);
                drain(n, chaos);
            }
        }
        for (SimNode n : nodes) {
            if (n.alive() && !(chaos && rnd.nextDouble() < 0.02)) { // a paused or slow clock skips a tick
                n.peer.tick();
                drain(n, chaos);
            }
        }
        boolean batch = chaos && rnd.nextDouble() < 0.3;
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

    private void chaos() {
        double r = rnd.nextDouble();
        SimNode n = nodes.get(rnd.nextInt(nodes.size()));
        if (r < 0.003) {
            for (SimNode each : nodes) { // power loss: every server at once, un-fsynced appends vanish
                if (each.alive() && rnd.nextInt(4) != 0) {
                    crash(each, "power loss");
                }
            }
        } else if (r < 0.009) {
            if (n.alive()) {
                crash(n, "crash");
            }
        } else if (r < 0.03) {
            if (!n.alive()) {
                boot(n, true);
            }
        } else if (r < 0.04) {
            partition();
        } else if (r < 0.05) {
            net.healAll();
            trace.add(now, "heal partition");
        } else if (r < 0.06) {
            if (n.alive()) {
                takeSnapshot(n);
            }
        } else if (r < 0.35) {
            if (n.alive()) {
                propose(n, "p" + (++proposals));
            }
        }
    }

    private void partition() {
        net.healAll();
        List<Long> sids = new ArrayList<>();
        for (SimNode n : nodes) {
            sids.add(n.sid);
        }
        Set<Long> side = new HashSet<>();
        if (rnd.nextBoolean()) {
            side.add(sids.get(rnd.nextInt(sids.size())));
        } else {
            for (long s : sids) {
                if (rnd.nextBoolean()) {
                    side.add(s);
                }
            }
        }
        boolean quorumOnly = rnd.nextInt(3) == 0;
        for (long a : sids) {
            for (long b : sids) {
                if (a != b && side.contains(a) != side.contains(b)) {
                    if (quorumOnly) {
                        net.cutQuorum(a, b);
                    } else {
                        net.cut(a, b);
                    }
                    SimNode nb = node(b);
                    if (nb.alive() && rnd.nextBoolean()) {
                        nb.peer.linkDown(a);
                        drain(nb, true);
                    }
                }
            }
        }
        trace.add(now, "partition " + side + " | rest" + (quorumOnly ? " (quorum channel only)" : ""));
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
            int crashAt = chaos && rnd.nextDouble() < 0.002 ? rnd.nextInt(4) : -1;
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

    String report(Throwable failure) {
        StringBuilder b = new StringBuilder();
        b.append("seed ").append(seed).append(" (").append(options).append(") failed at t=").append(now)
                .append(": ").append(failure.getMessage()).append('\n')
                .append("replay: mvn -pl node -am test -Dtest=SimulationTest -Dsim.seed=").append(seed)
                .append(" -Dsurefire.failIfNoSpecifiedTests=false\n");
        for (SimNode n : nodes) {
            b.append("  ").append(n).append('\n');
        }
        b.append("last events:\n").append(trace.dump());
        return b.toString();
    }

    Map<String, Long> messageTypes() {
        return net.byType;
    }

    long messagesSent() {
        return net.sent;
    }

    int committed() {
        return checker.history.size();
    }

    @Override
    public String toString() {
        return "Simulation{seed=" + seed + " " + options + " t=" + now + "}";
    }

    static final class LivenessFailure extends RuntimeException {
        LivenessFailure(String message) {
            super(message);
        }
    }
}
