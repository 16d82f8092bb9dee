package dev.schism.node.process;

import dev.schism.node.net.ListenPorts;

/** Listen ports for test ensembles; see {@link ListenPorts} for why not port 0. */
public final class FreePorts {
    private FreePorts() {
    }

    public static int[] allocate(int n) {
        return ListenPorts.allocate(n);
    }
}
