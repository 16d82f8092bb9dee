package dev.schism.harness.backend.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listen ports on 127.0.0.1 for the nodes, drawn below the kernel's ephemeral range (as
 * {@link dev.schism.node.net.ListenPorts} explains: the many outgoing proxied connections of a run take
 * ephemeral ports and could take a node's port before it binds) and held open until {@link #release()},
 * right before the nodes start, so nothing in this process is handed the same port in between.
 */
final class Ports implements AutoCloseable {
    private static final int LOW = 12000;
    private static final int HIGH = 32000;

    private final List<ServerSocket> held = new ArrayList<>();
    private final int[] ports;

    private Ports(int count) {
        ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = bindSomewhere();
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

    private static ServerSocket bindSomewhere() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            try {
                ServerSocket s = new ServerSocket();
                try {
                    s.setReuseAddress(true);
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                    return s;
                } catch (IOException e) {
                    s.close();
                    throw e;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free port in " + LOW + ".." + HIGH + " after 200 tries", last);
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
