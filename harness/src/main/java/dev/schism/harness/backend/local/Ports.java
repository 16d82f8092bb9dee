package dev.schism.harness.backend.local;

import dev.schism.node.net.ListenPorts;

/** Listen ports on 127.0.0.1 for nodes and proxies, allocated together so none repeats. */
final class Ports {
    private Ports() {
    }

    static int[] free(int count) {
        return ListenPorts.allocate(count);
    }
}
