package dev.schism.harness.backend.local;

import dev.schism.node.net.ListenPorts;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Listen ports on 127.0.0.1 for the nodes, drawn below the kernel's ephemeral range by
 * {@link ListenPorts#bindOne()} (as that class explains: the many outgoing proxied connections of a run take
 * ephemeral ports and could take a node's port before it binds) and held open until {@link #release()},
 * right before the nodes start, so nothing in this process is handed the same port in between.
 */
final class Ports implements AutoCloseable {
    private final List<ServerSocket> held = new ArrayList<>();
    private final int[] ports;

    private Ports(int count) {
        ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = ListenPorts.bindOne();
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    static Ports hold(int count) {
        return new Ports(count);
    }

    int get(int i) {
        return ports[i];
    }

    void release() {
        for (ServerSocket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                // closing a listening socket we own does not fail in practice; the port is free either way
            }
        }
        held.clear();
    }

    @Override
    public void close() {
        release();
    }

    @Override
    public String toString() {
        return "ports" + java.util.Arrays.toString(ports);
    }
}
