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
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = bindOne();
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a listening socket we own and never used
                }
            }
        }
    }

    /**
     * A listening socket on 127.0.0.1 at a random port below the ephemeral range, left open: the caller
     * holds it while choosing more ports, and closes it just before the port's real owner binds it.
     */
    public static ServerSocket bindOne() {
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
