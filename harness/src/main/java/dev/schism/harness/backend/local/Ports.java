package dev.schism.harness.backend.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on 127.0.0.1, held open until {@link #release()} so that nothing else in this process
 * (notably proxies listening on port 0) is handed the same port in between; release them right before
 * the processes that will listen on them start.
 */
final class Ports implements AutoCloseable {
    private final List<ServerSocket> held = new ArrayList<>();
    private final int[] ports;

    private Ports(int count) throws IOException {
        ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(s);
                ports[i] = s.getLocalPort();
            }
        } catch (IOException e) {
            release();
            throw e;
        }
    }

    static Ports hold(int count) throws IOException {
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
                // closing a listening socket does not fail in practice; the port is free either way
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
