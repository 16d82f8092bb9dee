package dev.schism.harness.backend;

import java.io.IOException;

/** One way to run nodes (local processes, Docker containers, later the in-JVM simulator), registered by name in {@link Backends}. */
public interface Backend {
    String name();

    /** One line for {@code --help}. */
    String description();

    /**
     * A cluster for the request, not yet started. IllegalArgumentException for a request this backend
     * cannot honour (an option it does not take), IOException when what it needs is missing (no engine).
     */
    Cluster create(ClusterRequest request) throws IOException;
}
