package dev.schism.harness.proxy.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Listen addresses the way Toxiproxy (Go) spells them: {@code host:port} resolved to an IP, an empty host or
 * {@code 0.0.0.0} meaning every interface, and a bound wildcard reported as {@code [::]:port}.
 */
public final class ListenAddress {
    private final InetSocketAddress address;
    private final String resolved;

    private ListenAddress(InetSocketAddress address, String resolved) {
        this.address = address;
        this.resolved = resolved;
    }

    /** Resolves a listen string; the error text follows Go's {@code listen tcp ...} messages. */
    public static ListenAddress resolve(String listen) throws ProxyException {
        String text = listen == null ? "" : listen;
        if (text.isEmpty()) {
            return new ListenAddress(new InetSocketAddress(0), ":0");
        }
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw ProxyException.internal("listen tcp: address " + text + ": missing port in address");
        }
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw ProxyException.internal("listen tcp: address " + text + ": too many colons in address");
        }
        int port;
        try {
            port = portText.isEmpty() ? 0 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw ProxyException.internal("listen tcp: address " + text + ": invalid port");
        }
        if (port < 0 || port > 65535) {
            throw ProxyException.internal("listen tcp: address " + text + ": invalid port");
        }
        if (host.isEmpty()) {
            return new ListenAddress(new InetSocketAddress(port), ":" + port);
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw ProxyException.internal("listen tcp: lookup " + host + ": no such host");
        }
        // Go's [::] listens on every interface of both families. Java binds the IPv6 wildcard literally, which
        // fails where IPv6 is off (a container's network): bind the JVM's own wildcard instead. A re-enabled
        // proxy comes through here, since a bound wildcard is reported as [::]:port.
        InetSocketAddress addr = ip instanceof Inet6Address && ip.isAnyLocalAddress() ? new InetSocketAddress(port) : new InetSocketAddress(ip, port);
        return new ListenAddress(addr, format(ip, port));
    }

    /** The address to bind. */
    public InetSocketAddress socketAddress() {
        return address;
    }

    /**
     * The resolved form before binding, as Go's ResolveTCPAddr prints it; compared with the bound listen string to
     * decide whether an update changes the address ({@code 0.0.0.0:p} differs from {@code [::]:p}, as in Go).
     */
    public String resolvedText() {
        return resolved;
    }

    /** How Toxiproxy reports a bound address: wildcard as {@code [::]:port}, IPv6 in brackets. */
    public static String formatBound(InetSocketAddress bound) {
        InetAddress ip = bound.getAddress();
        if (ip == null || ip.isAnyLocalAddress()) {
            return "[::]:" + bound.getPort();
        }
        return format(ip, bound.getPort());
    }

    private static String format(InetAddress ip, int port) {
        if (ip instanceof Inet6Address) {
            return "[" + compressIpv6(ip.getHostAddress()) + "]:" + port;
        }
        return ip.getHostAddress() + ":" + port;
    }

    /** Java prints {@code 0:0:0:0:0:0:0:1}; Go prints {@code ::1}. Replaces the longest run of zero groups. */
    static String compressIpv6(String full) {
        String text = full;
        int pct = text.indexOf('%');
        String zone = "";
        if (pct >= 0) {
            zone = text.substring(pct);
            text = text.substring(0, pct);
        }
        String[] groups = text.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i >= 2) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return text + zone;
        }
        String left = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String right = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return left + "::" + right + zone;
    }

    @Override
    public String toString() {
        return "ListenAddress{" + resolved + "}";
    }
}
