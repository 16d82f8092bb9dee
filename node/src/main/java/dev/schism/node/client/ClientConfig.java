package dev.schism.node.client;

import java.util.Set;

/**
 * The zoo.cfg settings of the client port.
 *
 * @param address  clientPortAddress (default 0.0.0.0 in ZooKeeper; Schism's configs use 127.0.0.1)
 * @param port     clientPort
 * @param maxClientCnxns per-IP connection limit (0 = unlimited)
 * @param minSessionTimeoutMs default 2 * tickTime
 * @param maxSessionTimeoutMs default 20 * tickTime
 * @param fourLetterWords whitelisted admin words ("*" means all); ZooKeeper's default is only "srvr"
 * @param superDigest "super:<base64 sha1>": digest credentials with this identity make a client super (or null)
 */
public record ClientConfig(long myId, String address, int port, int tickTimeMs, int maxClientCnxns,
                           int minSessionTimeoutMs, int maxSessionTimeoutMs, Set<String> fourLetterWords,
                           String superDigest) {
    /** Without a superDigest: no credentials make a client super. */
    public ClientConfig(long myId, String address, int port, int tickTimeMs, int maxClientCnxns,
                        int minSessionTimeoutMs, int maxSessionTimeoutMs, Set<String> fourLetterWords) {
        this(myId, address, port, tickTimeMs, maxClientCnxns, minSessionTimeoutMs, maxSessionTimeoutMs,
                fourLetterWords, null);
    }
}
