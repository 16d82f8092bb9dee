package dev.schism.node.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses listen ports for servers that are started later by another process (nodes, proxies).
 *
 * <p>Why not port 0: the kernel hands out port 0 from the ephemeral range (32768-60999 on Linux), the
 * same range it uses for the local side of every outgoing connection. Between choosing a port and the
 * node binding it, one of the many proxied connections of a run can take it ("Address already in use").
 * So ports are drawn at random below that range and checked bindable; they are held together while
 * choosing so that the n ports differ.
 */
public final class ListenPorts {
    private static final int LOW = 12000;
    private static final int HIGH = 32000;

    private ListenPorts() {
    }

    /** {@code n} distinct ports on 127.0.0.1 that were bindable a moment ago. */
    public static int[] allocate(int n) {
        try (Held held = hold(n)) {
            return held.ports();
        }
    }

    /**
     * {@code n} distinct ports on 127.0.0.1, kept bound until {@link Held#close()}, right before their real
     * owners start, so nothing in this process is handed one of them in between.
     */
    public static Held hold(int n) {
        return new Held(n);
    }

    /** Ports chosen and still bound by this process. */
    public static final class Held implements AutoCloseable {
        private final List<ServerSocket> held = new ArrayList<>();
        private final int[] ports;

        private Held(int n) {
            ports = new int[n];
            try {
                for (int i = 0; i < n; i++) {
                    ServerSocket s = bindOne();
                    held.add(s);
                    ports[i] = s.getLocalPort();
                }
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        public int get(int i) {
            return ports[i];
        }

        public int[] ports() {
            return ports.clone();
        }

        /** Unbinds them all, so their owners can bind them; idempotent. */
        @Override
        public void close() {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a listening socket we own and never used; the port is free either way
                }
            }
            held.clear();
        }

        @Override
        public String toString() {
            return "ports" + java.util.Arrays.toString(ports);
        }
    }

    /**
     * A listening socket on 127.0.0.1 at a random port below the ephemeral range, left open: it is held
     * while more ports are chosen, and closed just before the port's real owner binds it.
     */
    private static ServerSocket bindOne() {
        IOException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                try {
                    s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                } catch (IOException e) {
                    s.close();
                    throw e;
                }
                return s;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("no free port in " + LOW + ".." + HIGH + " after 200 tries", last);
    }
}
