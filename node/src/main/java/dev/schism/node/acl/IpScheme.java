package dev.schism.node.acl;

/**
 * The ip scheme: every connection is known by its remote address; an ACL id is an address or an
 * address/prefix-bits range (IPv4 or IPv6), compared byte-wise after masking both sides.
 */
final class IpScheme {
    private IpScheme() {
    }

    static boolean isValid(String expr) {
        String[] parts = expr.split("/", 2);
        byte[] addr = bytes(parts[0]);
        return addr != null && (parts.length == 1 || bits(parts[1], addr.length) >= 0);
    }

    static boolean matches(String clientAddress, String expr) {
        String[] parts = expr.split("/", 2);
        byte[] acl = bytes(parts[0]);
        byte[] client = bytes(clientAddress);
        if (acl == null || client == null || acl.length != client.length) {
            return false;
        }
        int bits = parts.length == 2 ? bits(parts[1], acl.length) : acl.length * 8;
        if (bits < 0) {
            return false;
        }
        mask(acl, bits);
        mask(client, bits);
        return java.util.Arrays.equals(acl, client);
    }

    private static int bits(String text, int addressBytes) {
        try {
            int bits = Integer.parseInt(text);
            return bits >= 0 && bits <= addressBytes * 8 ? bits : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void mask(byte[] b, int bits) {
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            b[i] &= (byte) (0xff00 >> keep);
        }
    }

    /** Literal addresses only: a name must never cause a DNS lookup on the request path. */
    private static byte[] bytes(String addr) {
        if (addr.contains(":")) {
            return v6(addr);
        }
        if (!addr.contains(".")) {
            return null;
        }
        String[] parts = addr.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            try {
                int v = Integer.parseInt(parts[i]);
                if (v < 0 || v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return b;
    }

    private static byte[] v6(String addr) {
        String[] halves = addr.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":", -1);
        String[] tail = halves.length == 1 || halves[1].isEmpty() ? new String[0] : halves[1].split(":", -1);
        if (halves.length == 1 ? head.length != 8 : head.length + tail.length >= 8) {
            return null;
        }
        byte[] b = new byte[16];
        return fill(b, 0, head) && fill(b, 16 - 2 * tail.length, tail) ? b : null;
    }

    private static boolean fill(byte[] b, int at, String[] segments) {
        for (String s : segments) {
            if (s.isEmpty() || s.length() > 4) {
                return false;
            }
            try {
                int v = Integer.parseInt(s, 16);
                b[at++] = (byte) (v >> 8);
                b[at++] = (byte) v;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }
}
