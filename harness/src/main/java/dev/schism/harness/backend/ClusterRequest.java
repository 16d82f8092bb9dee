package dev.schism.harness.backend;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a run asks of a backend: how many nodes, where their files go, an injected bug, zoo.cfg settings,
 * the node jar to launch or put in an image, a running Toxiproxy (local) or a Toxiproxy image (docker),
 * the seed for the embedded proxy, where to say what is happening, what the nodes run ({@code schism} or
 * {@code zookeeper:<version>}) and whether the run will skew their clocks.
 */
public record ClusterRequest(int nodes, Path nodesDir, Optional<String> injectBug, Map<String, String> config,
                             Optional<Path> nodeJar, Optional<String> toxiproxy, Optional<String> toxiproxyImage,
                             long seed, PrintStream console, String target, boolean clockFaults) {
    public ClusterRequest {
        config = Map.copyOf(config);
    }

    /** A request for Schism nodes ({@code target} schism) without clock faults. */
    public ClusterRequest(int nodes, Path nodesDir, Optional<String> injectBug, Map<String, String> config, Optional<Path> nodeJar,
                          Optional<String> toxiproxy, Optional<String> toxiproxyImage, long seed, PrintStream console) {
        this(nodes, nodesDir, injectBug, config, nodeJar, toxiproxy, toxiproxyImage, seed, console, "schism", false);
    }

    /** Timing that keeps elections and session expiry quick in tests (tickTime 200 ms, initLimit 10, syncLimit 5). */
    public static Map<String, String> defaultConfig() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("tickTime", "200");
        m.put("initLimit", "10");
        m.put("syncLimit", "5");
        return m;
    }

    @Override
    public String toString() {
        return nodes + " " + target + " nodes in " + nodesDir + injectBug.map(b -> " with bug " + b).orElse("");
    }
}
