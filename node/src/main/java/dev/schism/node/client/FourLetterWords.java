package dev.schism.node.client;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The four-letter admin words in ZooKeeper's shapes: {@code ruok}, {@code srvr}, {@code stat},
 * {@code mntr}, {@code isro}, {@code cons}, {@code wchs}, {@code dump} (sessions and their ephemerals), plus Schism's {@code clok} (an 8-byte big-endian delta in ms that skews this
 * server's clock). Each must be whitelisted ({@code 4lw.commands.whitelist}; ZooKeeper's default is only
 * srvr). Any thread.
 */
final class FourLetterWords {
    static final String VERSION = "3.9.4-schism-0.1.0, built on 2026-11-22 00:00 UTC";
    static final String NOT_SERVING = "This ZooKeeper instance is not currently serving requests\n";
    private static final Set<String> KNOWN = Set.of("ruok", "srvr", "stat", "mntr", "isro", "clok", "conf", "cons",
            "crst", "dump", "envi", "srst", "wchc", "wchp", "wchs", "dirs", "gtmk", "stmk", "hash");

    private final Set<String> whitelist;
    private final Replication replication;
    private final ServerStats stats;
    private final Supplier<String> clientLines;
    private final Function<String, String> onCore;

    /**
     * @param onCore answers the words that need the tree or the watch tables ("dump", "wchs", "cons") on
     *               the core thread
     */
    FourLetterWords(Set<String> whitelist, Replication replication, ServerStats stats, Supplier<String> clientLines,
                    Function<String, String> onCore) {
        this.whitelist = whitelist == null || whitelist.isEmpty() ? Set.of("srvr") : Set.copyOf(whitelist);
        this.replication = replication;
        this.stats = stats;
        this.clientLines = clientLines;
        this.onCore = onCore;
    }

    /** The admin word spelled by a connection's first 4 bytes, or null if they are a frame length. */
    static String wordOf(int firstInt) {
        char[] c = {(char) (firstInt >>> 24 & 0xff), (char) (firstInt >>> 16 & 0xff), (char) (firstInt >>> 8 & 0xff),
                (char) (firstInt & 0xff)};
        String word = new String(c);
        return KNOWN.contains(word) ? word : null;
    }

    static int argumentBytes(String word) {
        return word.equals("clok") ? 8 : 0;
    }

    String answer(String word, long argument) {
        if (!whitelist.contains("*") && !whitelist.contains(word)) {
            return word + " is not executed because it is not in the whitelist.\n";
        }
        NodeStatus s = replication.status();
        return switch (word) {
            case "ruok" -> "imok";
            case "isro" -> s.serving() ? "rw" : "null";
            case "srvr" -> s.serving() ? srvr(s, false) : NOT_SERVING;
            case "stat" -> s.serving() ? srvr(s, true) : NOT_SERVING;
            case "mntr" -> s.serving() ? mntr(s) : NOT_SERVING;
            case "clok" -> "clock offset " + replication.adjustClock(argument) + "\n";
            case "dump", "wchs", "cons" -> s.serving() ? onCore.apply(word) : NOT_SERVING;
            default -> word + " is not supported by this server.\n";
        };
    }

    private String srvr(NodeStatus s, boolean withClients) {
        StringBuilder b = new StringBuilder();
        b.append("Zookeeper version: ").append(VERSION).append('\n');
        if (withClients) {
            b.append("Clients:\n").append(clientLines.get()).append('\n');
        }
        b.append("Latency min/avg/max: ").append(stats.latencyLine()).append('\n');
        b.append("Received: ").append(stats.received.get()).append('\n');
        b.append("Sent: ").append(stats.sent.get()).append('\n');
        b.append("Connections: ").append(stats.connections.get()).append('\n');
        b.append("Outstanding: ").append(stats.outstanding.get()).append('\n');
        b.append("Zxid: 0x").append(Long.toHexString(Math.max(s.lastZxid(), stats.lastZxid))).append('\n');
        b.append("Mode: ").append(s.mode()).append('\n');
        b.append("Node count: ").append(stats.nodeCount).append('\n');
        if ("leader".equals(s.mode())) {
            b.append("Proposal sizes last/min/max: ").append(stats.proposalLine()).append('\n');
        }
        return b.toString();
    }

    private String mntr(NodeStatus s) {
        StringBuilder b = new StringBuilder();
        line(b, "zk_version", VERSION);
        line(b, "zk_server_state", s.mode());
        if ("leader".equals(s.mode())) {
            line(b, "zk_peer_state", "leading - broadcast");
        } else if ("follower".equals(s.mode())) {
            line(b, "zk_peer_state", "following - broadcast");
        } else if ("observer".equals(s.mode())) {
            line(b, "zk_peer_state", "observing - broadcast");
        }
        line(b, "zk_avg_latency", stats.avgLatency());
        line(b, "zk_max_latency", stats.maxLatency());
        line(b, "zk_min_latency", stats.minLatency());
        line(b, "zk_packets_received", stats.received.get());
        line(b, "zk_packets_sent", stats.sent.get());
        line(b, "zk_num_alive_connections", stats.connections.get());
        line(b, "zk_outstanding_requests", stats.outstanding.get());
        line(b, "zk_znode_count", stats.nodeCount);
        line(b, "zk_watch_count", stats.watches);
        line(b, "zk_ephemerals_count", stats.ephemerals);
        line(b, "zk_approximate_data_size", stats.dataSize);
        line(b, "zk_quorum_size", s.quorumSize());
        if ("leader".equals(s.mode())) {
            line(b, "zk_learners", s.learners());
            line(b, "zk_synced_followers", s.syncedFollowers());
            line(b, "zk_pending_syncs", 0);
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String key, Object value) {
        b.append(key).append('\t').append(value).append('\n');
    }

    @Override
    public String toString() {
        return "FourLetterWords" + whitelist;
    }
}
