package dev.schism.harness.sim;

import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.ClockControl;
import dev.schism.harness.nemesis.Grudge;
import dev.schism.harness.nemesis.LeaderProbe;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.nemesis.NetworkControl;
import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.nemesis.ProcessControl;
import dev.schism.node.sim.SimCluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The nemesis vocabulary over a {@link SimCluster}: the same {@link NetworkControl}, {@link ProcessControl},
 * {@link ClockControl} and {@link LeaderProbe} the proxy and process backends give, so the harness's own
 * nemeses drive the simulator. Grudges cut directed peer links; {@code refuse} also resets the connections,
 * {@code drop} and {@code stall} let the timeouts notice (the simulator holds no bytes for a heal). Latency
 * delays every peer message by the asked ms ± jitter (rounded up to 100 ms ticks), as the proxy delays every
 * node-to-node link; client links keep their one tick.
 */
final class SimTarget implements NetworkControl, ProcessControl, ClockControl, LeaderProbe {
    private final SimCluster cluster;
    private final List<String> nodes = new ArrayList<>();
    private final Set<String> paused = new TreeSet<>();
    private final Map<String, Long> offsets = new TreeMap<>();

    SimTarget(SimCluster cluster) {
        this.cluster = cluster;
        for (int i = 1; i <= cluster.size(); i++) {
            nodes.add("n" + i);
        }
    }

    NemesisPackages.Target target() {
        return new NemesisPackages.Target(List.copyOf(nodes), Optional.of(this), Optional.of(this), Optional.of(this), this);
    }

    List<String> nodes() {
        return nodes;
    }

    static long sid(String node) {
        try {
            return Long.parseLong(node.substring(1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a simulated node: '" + node + "'");
        }
    }

    @Override
    public void partition(Grudge grudge, PartitionMode mode, Set<Channel> channels) {
        Map<Long, Set<Long>> g = new TreeMap<>();
        grudge.cannotHear().forEach((to, froms) -> {
            Set<Long> s = new TreeSet<>();
            froms.forEach(f -> s.add(sid(f)));
            g.put(sid(to), s);
        });
        cluster.partition(g, mode == PartitionMode.REFUSE, !channels.contains(Channel.ELECTION));
    }

    @Override
    public void heal() {
        cluster.heal();
    }

    @Override
    public void latency(long ms, long jitterMs) {
        cluster.latency(ms, jitterMs); // peer links only, as the fault proxy delays node-to-node links only
    }

    @Override
    public void clearLatency() {
        cluster.latency(0, 0);
    }

    @Override
    public void kill(String node) {
        paused.remove(node);
        cluster.crash(sid(node));
    }

    @Override
    public void start(String node) {
        cluster.restart(sid(node));
    }

    @Override
    public void pause(String node) {
        if (cluster.alive(sid(node))) {
            cluster.pause(sid(node));
            paused.add(node);
        }
    }

    @Override
    public void resume(String node) {
        cluster.resume(sid(node));
        paused.remove(node);
    }

    @Override
    public Set<String> running() {
        Set<String> r = new TreeSet<>();
        for (String n : nodes) {
            if (cluster.alive(sid(n))) {
                r.add(n);
            }
        }
        return r;
    }

    @Override
    public Set<String> paused() {
        return Set.copyOf(paused);
    }

    @Override
    public void shift(String node, long deltaMs) {
        cluster.bumpClock(sid(node), deltaMs);
        offsets.merge(node, deltaMs, Long::sum);
    }

    @Override
    public long offset(String node) {
        return offsets.getOrDefault(node, 0L);
    }

    @Override
    public Optional<String> leader() {
        long l = cluster.leader();
        return l == 0 ? Optional.empty() : Optional.of("n" + l);
    }

    @Override
    public String toString() {
        return "SimTarget{" + nodes + " paused=" + paused + " offsets=" + offsets + "}";
    }
}
