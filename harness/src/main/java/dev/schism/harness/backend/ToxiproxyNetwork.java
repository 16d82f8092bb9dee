package dev.schism.harness.backend;

import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.Grudge;
import dev.schism.harness.nemesis.NetworkControl;
import dev.schism.harness.nemesis.PartitionMode;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.Toxic;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Node-to-node faults through Toxiproxy, driven only by toxiproxy-java so the real server and the
 * embedded one are interchangeable. Each directed link a→b has its own proxy per {@link Channel}; cutting
 * the link puts toxics on both streams of those proxies: {@code timeout 0} (drop), {@code bandwidth 0}
 * (stall), or disables them (refuse). A new partition is applied as a difference from the current one:
 * new cuts go on first, then cuts no longer wanted come off, so a proxy cut in both is never healed in
 * between. Latency goes on the upstream (a→b) stream only, so each direction gets its own delay.
 */
public final class ToxiproxyNetwork implements NetworkControl {
    private final Map<Grudge.Link, Map<Channel, Proxy>> links;
    /** Proxies cut right now, with their mode and (for drop and stall) the toxics that cut them. */
    private final Map<Proxy, Cut> cuts = new LinkedHashMap<>();
    private final List<Toxic> latencies = new ArrayList<>();

    private record Cut(PartitionMode mode, List<Toxic> toxics) {
    }

    /** {@code links}: for every directed node pair, the proxy its bytes pass through on each channel. */
    public ToxiproxyNetwork(Map<Grudge.Link, Map<Channel, Proxy>> links) {
        Map<Grudge.Link, Map<Channel, Proxy>> copy = new LinkedHashMap<>();
        links.forEach((l, ps) -> copy.put(l, Map.copyOf(ps)));
        this.links = copy;
    }

    @Override
    public synchronized void partition(Grudge grudge, PartitionMode mode, Set<Channel> channels) throws IOException {
        Map<Proxy, PartitionMode> wanted = new LinkedHashMap<>();
        for (Grudge.Link l : grudge.links()) {
            Map<Channel, Proxy> ps = links.get(l);
            if (ps == null) {
                throw new IllegalArgumentException("no proxy for link " + l + " (known: " + links.keySet() + ")");
            }
            for (Channel c : channels) {
                Proxy p = ps.get(c);
                if (p != null) {
                    wanted.put(p, mode);
                }
            }
        }
        IOException first = null;
        for (Map.Entry<Proxy, PartitionMode> w : wanted.entrySet()) {
            Cut now = cuts.get(w.getKey());
            if (now != null && now.mode() != w.getValue()) {
                first = firstOf(first, uncut(w.getKey(), now));
                cuts.remove(w.getKey());
                now = null;
            }
            if (now == null) {
                cuts.put(w.getKey(), cut(w.getKey(), w.getValue()));
            }
        }
        for (Proxy p : new ArrayList<>(cuts.keySet())) {
            if (!wanted.containsKey(p)) {
                first = firstOf(first, uncut(p, cuts.remove(p)));
            }
        }
        if (first != null) {
            throw new IOException("partition change incomplete: " + first.getMessage(), first);
        }
    }

    private static Cut cut(Proxy p, PartitionMode mode) throws IOException {
        if (mode == PartitionMode.REFUSE) {
            p.disable();
            return new Cut(mode, List.of());
        }
        Toxic up = toxic(p, mode, "schism-cut-up", ToxicDirection.UPSTREAM);
        try {
            return new Cut(mode, List.of(up, toxic(p, mode, "schism-cut-down", ToxicDirection.DOWNSTREAM)));
        } catch (IOException e) {
            try {
                up.remove(); // half a cut would be untracked, and block the next cut of this proxy
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    private static Toxic toxic(Proxy p, PartitionMode mode, String name, ToxicDirection dir) throws IOException {
        return mode == PartitionMode.DROP ? p.toxics().timeout(name, dir, 0) : p.toxics().bandwidth(name, dir, 0);
    }

    /** Undoes one cut, trying every part of it; the first failure is returned rather than thrown. */
    private static IOException uncut(Proxy p, Cut c) {
        IOException first = null;
        for (Toxic t : c.toxics()) {
            try {
                t.remove();
            } catch (IOException ex) {
                first = firstOf(first, ex);
            }
        }
        if (c.mode() == PartitionMode.REFUSE) {
            try {
                p.enable();
            } catch (IOException ex) {
                first = firstOf(first, ex);
            }
        }
        return first;
    }

    private static IOException firstOf(IOException first, IOException next) {
        return first != null ? first : next;
    }

    @Override
    public synchronized void heal() throws IOException {
        IOException first = null;
        for (Map.Entry<Proxy, Cut> e : cuts.entrySet()) {
            first = firstOf(first, uncut(e.getKey(), e.getValue()));
        }
        cuts.clear();
        if (first != null) {
            throw new IOException("heal incomplete: " + first.getMessage(), first);
        }
    }

    @Override
    public synchronized void latency(long ms, long jitterMs) throws IOException {
        clearLatency();
        for (Map<Channel, Proxy> ps : links.values()) {
            for (Proxy p : ps.values()) {
                latencies.add(p.toxics().latency("schism-latency", ToxicDirection.UPSTREAM, ms).setJitter(jitterMs));
            }
        }
    }

    @Override
    public synchronized void clearLatency() throws IOException {
        IOException first = null;
        for (Toxic t : latencies) {
            try {
                t.remove();
            } catch (IOException ex) {
                first = firstOf(first, ex);
            }
        }
        latencies.clear();
        if (first != null) {
            throw new IOException("latency removal incomplete: " + first.getMessage(), first);
        }
    }

    @Override
    public synchronized String toString() {
        long refused = cuts.values().stream().filter(c -> c.mode() == PartitionMode.REFUSE).count();
        return "toxiproxy-network{" + links.size() + " links, " + (cuts.size() - refused) + " cut, " + refused + " refused}";
    }
}
