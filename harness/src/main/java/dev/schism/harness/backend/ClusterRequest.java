package dev.schism.harness.backend;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a run asks of a backend: how many nodes, where their files go, an injected bug, zoo.cfg settings,
 * the node jar to launch or put in an image, a running Toxiproxy (local) or a Toxiproxy image (docker),
 * the seed for the embedded proxy, and where to say what is happening.
 */
public record ClusterRequest(int nodes, Path nodesDir, Optional<String> injectBug, Map<String, String> config,
                             Optional<Path> nodeJar, Optional<String> toxiproxy, Optional<String> toxiproxyImage,
                             long seed, PrintStream console) {
    public ClusterRequest {
        config = Map.copyOf(config);
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
        return nodes + " nodes in " + nodesDir + injectBug.map(b -> " with bug " + b).orElse("");
    }
}
