package dev.schism.node.config;

import dev.schism.node.client.ClientConfig;
import dev.schism.node.core.PeerConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed zoo.cfg plus this server's id. Built by {@link ZooCfgParser}; every field is validated.
 *
 * @param source        the file it came from (for messages)
 * @param myId          from {@code <dataDir>/myid}; 0 in standalone mode without a myid file
 * @param servers       server lines by sid (empty or one entry in standalone mode)
 * @param observer      whether this server is an observer (the server list wins over peerType)
 * @param snapCount     applied txns between snapshots
 * @param snapRetainCount snapshots (and the logs they need) kept by the purge
 * @param forceSync     fsync the txn log before acknowledging (ZooKeeper's forceSync; default yes)
 * @param unknownKeys   keys Schism does not use, kept verbatim
 */
public record ZooCfg(Path source, long myId, int tickTimeMs, int initLimit, int syncLimit, Path dataDir,
                     Path dataLogDir, String clientPortAddress, int clientPort, Map<Long, ServerSpec> servers,
                     boolean observer, Set<String> fourLetterWords, int minSessionTimeoutMs,
                     int maxSessionTimeoutMs, int maxClientCnxns, int snapCount, int snapRetainCount,
                     boolean forceSync, Map<String, String> unknownKeys) {

    /** Length of one core tick; ZooKeeper's own timers (finalizeWait 200 ms) are multiples of it. */
    public static final int MS_PER_TICK = 50;

    /**
     * Whether this server runs standalone (no election, no ZAB): with no server line, or with one and
     * {@code standaloneEnabled} not false. As in ZooKeeper, {@code standaloneEnabled=false} makes a single
     * configured server run in quorum mode, as the leader of an ensemble of one.
     */
    public boolean standalone() {
        return servers.isEmpty() || servers.size() == 1 && standaloneEnabled();
    }

    /** zoo.cfg's {@code standaloneEnabled} (default true), validated by the parser. */
    public boolean standaloneEnabled() {
        return !"false".equals(unknownKeys.get(STANDALONE_ENABLED_KEY));
    }

    public ServerSpec me() {
        return servers.get(myId);
    }

    public PeerConfig peerConfig() {
        Set<Long> voters = new TreeSet<>();
        Set<Long> observers = new TreeSet<>();
        if (servers.isEmpty()) {
            voters.add(myId);
        }
        servers.values().forEach(s -> (s.observer() ? observers : voters).add(s.sid()));
        return new PeerConfig(myId, Set.copyOf(voters), Set.copyOf(observers), MS_PER_TICK, tickTimeMs,
                initLimit, syncLimit);
    }

    public ClientConfig clientConfig() {
        return new ClientConfig(myId, clientPortAddress, clientPort, tickTimeMs, maxClientCnxns,
                minSessionTimeoutMs, maxSessionTimeoutMs, fourLetterWords, superDigest());
    }

    /**
     * The digest identity ("super:<base64 sha1>") that makes a client super, from zoo.cfg's
     * {@code DigestAuthenticationProvider.superDigest} (ZooKeeper turns that key into its system property
     * {@code zookeeper.DigestAuthenticationProvider.superDigest}, which is read too), or null.
     */
    public String superDigest() {
        return passThrough(SUPER_DIGEST_KEY);
    }

    /** zoo.cfg's {@code extendedTypesEnabled} (or the system property ZooKeeper reads): TTL nodes allowed. */
    public boolean extendedTypesEnabled() {
        return Boolean.parseBoolean(passThrough(EXTENDED_TYPES_KEY));
    }

    /** Keys ZooKeeper passes through to a {@code zookeeper.}-prefixed system property and Schism also reads. */
    public static final String SUPER_DIGEST_KEY = "DigestAuthenticationProvider.superDigest";
    public static final String EXTENDED_TYPES_KEY = "extendedTypesEnabled";
    public static final String STANDALONE_ENABLED_KEY = "standaloneEnabled";

    private String passThrough(String key) {
        String v = unknownKeys.get(key);
        return v != null ? v : System.getProperty("zookeeper." + key);
    }

    @Override
    public String toString() {
        return "ZooCfg{" + source + " myid=" + myId + " tick=" + tickTimeMs + " init=" + initLimit + " sync="
                + syncLimit + " dataDir=" + dataDir + " client=" + clientPortAddress + ":" + clientPort
                + " servers=" + servers.values() + (observer ? " observer" : "") + "}";
    }
}
