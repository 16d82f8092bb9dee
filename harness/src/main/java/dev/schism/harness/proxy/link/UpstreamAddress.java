package dev.schism.harness.proxy.link;

import java.net.InetSocketAddress;

/** Parses an upstream {@code host:port} (IPv6 hosts in brackets) into an address to dial. */
final class UpstreamAddress {
    private UpstreamAddress() {
    }

    static InetSocketAddress parse(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("upstream " + hostPort + ": missing port");
        }
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("upstream " + hostPort + ": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("upstream " + hostPort + ": invalid port");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
