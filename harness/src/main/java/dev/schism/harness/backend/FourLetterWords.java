package dev.schism.harness.backend;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * ZooKeeper admin words over the client port: send four letters, read until the server closes. Every
 * call is bounded by the timeout (a paused node simply times out). {@code clok} is Schism's: the word is
 * followed by an 8-byte big-endian delta in ms that shifts the node's clock.
 */
public final class FourLetterWords {
    private FourLetterWords() {
    }

    public static String send(InetSocketAddress addr, String word, int timeoutMs) throws IOException {
        return send(addr, word.getBytes(StandardCharsets.US_ASCII), timeoutMs);
    }

    private static String send(InetSocketAddress addr, byte[] request, int timeoutMs) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(addr, timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(request);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int r;
            while ((r = in.read(buf)) >= 0) {
                out.write(buf, 0, r);
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The {@code Mode:} line of {@code srvr} (leader, follower, observer, standalone), if the node answers with one. */
    public static Optional<String> mode(InetSocketAddress addr, int timeoutMs) {
        try {
            return parseMode(send(addr, "srvr", timeoutMs));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The {@code Zxid:} line of {@code srvr} (the last zxid the node has), if the node answers with one. */
    public static Optional<Long> zxid(InetSocketAddress addr, int timeoutMs) {
        try {
            return parseZxid(send(addr, "srvr", timeoutMs));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static Optional<Long> parseZxid(String srvr) {
        for (String line : srvr.split("\n")) {
            if (line.startsWith("Zxid:")) {
                String hex = line.substring(5).trim();
                try {
                    return Optional.of(Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<String> parseMode(String srvr) {
        for (String line : srvr.split("\n")) {
            if (line.startsWith("Mode:")) {
                return Optional.of(line.substring(5).trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Whether the node answers {@code ruok} with {@code imok}. */
    public static boolean ruok(InetSocketAddress addr, int timeoutMs) {
        try {
            return send(addr, "ruok", timeoutMs).trim().equals("imok");
        } catch (IOException e) {
            return false;
        }
    }

    /** Shifts the node's clock by deltaMs; returns the node's answer. */
    public static String clok(InetSocketAddress addr, long deltaMs, int timeoutMs) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.write("clok".getBytes(StandardCharsets.US_ASCII));
        d.writeLong(deltaMs);
        return send(addr, b.toByteArray(), timeoutMs);
    }
}
