package dev.schism.harness.backend.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.function.Function;
import org.testcontainers.containers.GenericContainer;

/**
 * What a server other than the Schism node needs from a docker cluster beyond its image: extra settings on
 * each node container before it is created, and a part of its own that runs while the cluster does (for
 * ZooKeeper, the watcher that writes the role journal ZooKeeper does not write). The Schism node needs
 * nothing: {@link #NONE}.
 */
public interface ContainerTarget {
    ContainerTarget NONE = new ContainerTarget() {
        @Override
        public String toString() {
            return "container-target{schism node}";
        }
    };

    /** Called for node {@code index} (0-based) named {@code name} before its container is created. */
    default void configure(int index, String name, GenericContainer<?> container) throws IOException {
    }

    /** Every node answers; {@code adminAddress} gives a node's published client port (it moves with a restart). */
    default void started(Function<String, InetSocketAddress> adminAddress) {
    }

    /** The cluster is about to stop its containers and collect their files. */
    default void stopping() {
    }
}
