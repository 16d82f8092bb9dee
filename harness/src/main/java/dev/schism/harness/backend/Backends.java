package dev.schism.harness.backend;

import dev.schism.harness.backend.docker.DockerBackend;
import dev.schism.harness.backend.local.LocalBackend;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The backends by name: {@code local} (the default), {@code docker} and {@code sim}. The one place a run's cluster is made. */
public final class Backends {
    private static final Map<String, Backend> BY_NAME = new LinkedHashMap<>();

    static {
        register(new LocalBackend());
        register(new DockerBackend());
        register(new dev.schism.harness.sim.SimBackend());
    }

    private Backends() {
    }

    private static void register(Backend b) {
        BY_NAME.put(b.name(), b);
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The backend of this name; IllegalArgumentException naming the known ones otherwise. */
    public static Backend get(String name) {
        Backend b = BY_NAME.get(name);
        if (b == null) {
            throw new IllegalArgumentException("unknown backend '" + name + "' (available: " + String.join(", ", names()) + ")");
        }
        return b;
    }

    public static Cluster create(String name, ClusterRequest request) throws IOException {
        return get(name).create(request);
    }
}
