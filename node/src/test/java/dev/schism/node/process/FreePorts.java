package dev.schism.node.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports the OS considers free right now on 127.0.0.1. They are held open together while choosing (so the n
 * ports differ) and released just before use; other tests run in parallel, so a rare collision is possible
 * and shows as a clear bind error.
 */
public final class FreePorts {
    private FreePorts() {
    }

    public static int[] allocate(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                s.setReuseAddress(true);
                held.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a listening socket we own
                }
            }
        }
    }
}
