package dev.schism.harness.backend;

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

/**
 * Node-to-node faults through Toxiproxy, driven only by toxiproxy-java so the real server and the
 * embedded one are interchangeable. Each directed link a→b has its own proxies (one per port the link
 * uses); cutting the link puts toxics on both streams of those proxies: {@code timeout 0} (drop),
 * {@code bandwidth 0} (stall), or disables them (refuse). Latency goes on the upstream (a→b) stream only,
 * so each direction gets its own delay.
 */
public final class ToxiproxyNetwork implements NetworkControl {
    private final Map<Grudge.Link, List<Proxy>> links;
    private final Map<Proxy, List<Toxic>> cuts = new LinkedHashMap<>();
    private final List<Proxy> disabled = new ArrayList<>();
    private final List<Toxic> latencies = new ArrayList<>();

    /** {@code links}: for every directed node pair, the proxies its bytes pass through. */
    public ToxiproxyNetwork(Map<Grudge.Link, List<Proxy>> links) {
        this.links = Map.copyOf(links);
    }

    @Override
    public synchronized void partition(Grudge grudge, PartitionMode mode) throws IOException {
        heal();
        for (Grudge.Link l : grudge.links()) {
            List<Proxy> ps = links.get(l);
            if (ps == null) {
                throw new IllegalArgumentException("no proxy for link " + l + " (known: " + links.keySet() + ")");
            }
            for (Proxy p : ps) {
                switch (mode) {
                    case DROP -> cuts.put(p, List.of(
                            p.toxics().timeout("schism-cut-up", ToxicDirection.UPSTREAM, 0),
                            p.toxics().timeout("schism-cut-down", ToxicDirection.DOWNSTREAM, 0)));
                    case STALL -> cuts.put(p, List.of(
                            p.toxics().bandwidth("schism-cut-up", ToxicDirection.UPSTREAM, 0),
                            p.toxics().bandwidth("schism-cut-down", ToxicDirection.DOWNSTREAM, 0)));
                    case REFUSE -> {
                        p.disable();
                        disabled.add(p);
                    }
                }
            }
        }
    }

    @Override
    public synchronized void heal() throws IOException {
        IOException first = null;
        for (Map.Entry<Proxy, List<Toxic>> e : cuts.entrySet()) {
            for (Toxic t : e.getValue()) {
                try {
                    t.remove();
                } catch (IOException ex) {
                    first = first == null ? ex : first;
                }
            }
        }
        cuts.clear();
        for (Proxy p : disabled) {
            try {
                p.enable();
            } catch (IOException ex) {
                first = first == null ? ex : first;
            }
        }
        disabled.clear();
        if (first != null) {
            throw new IOException("heal incomplete: " + first.getMessage(), first);
        }
    }

    @Override
    public synchronized void latency(long ms, long jitterMs) throws IOException {
        clearLatency();
        for (List<Proxy> ps : links.values()) {
            for (Proxy p : ps) {
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
                first = first == null ? ex : first;
            }
        }
        latencies.clear();
        if (first != null) {
            throw new IOException("latency removal incomplete: " + first.getMessage(), first);
        }
    }

    @Override
    public String toString() {
        return "toxiproxy-network{" + links.size() + " links, " + cuts.size() + " cut, " + disabled.size() + " refused}";
    }
}
