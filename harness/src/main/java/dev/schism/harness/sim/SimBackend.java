package dev.schism.harness.sim;

import dev.schism.harness.backend.Backend;
import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.ClusterRequest;

/**
 * {@code --backend sim} in the backend registry. A simulated ensemble is not a {@link Cluster} of running
 * processes that real clients connect to: its clients, nemeses and clock live in its own single-threaded loop,
 * so {@code schism run} hands a sim spec to {@link SimRunner} and this backend makes no cluster.
 */
public final class SimBackend implements Backend {
    public static final String NAME = "sim";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "the node's server logic in this JVM, one thread, simulated network, disks and time (set, register and election workloads)";
    }

    @Override
    public Cluster create(ClusterRequest request) {
        throw new IllegalArgumentException("--backend sim has no cluster that real clients can reach; "
                + "it runs the set, register and election workloads through `schism run`");
    }

    @Override
    public String toString() {
        return "backend " + NAME;
    }
}
