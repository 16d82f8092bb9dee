package dev.schism.harness.backend.docker;

import dev.schism.harness.nemesis.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The official zookeeper image's variables for node i of a docker cluster: its own server line listens on
 * every interface of its container, every peer is the proxy container's port for the link i→j, and zoo.cfg
 * settings become {@code ZOO_TICK_TIME} and friends, the rest {@code ZOO_CFG_EXTRA}.
 */
final class ZooVariables {
    /** The proxy port carrying node {@code from}'s traffic on one channel to node {@code to}. */
    interface PeerPorts {
        int port(int from, int to, Channel channel);
    }

    private static final Map<String, String> NAMED = Map.of("tickTime", "ZOO_TICK_TIME", "initLimit", "ZOO_INIT_LIMIT",
            "syncLimit", "ZOO_SYNC_LIMIT", "maxClientCnxns", "ZOO_MAX_CLIENT_CNXNS");

    private ZooVariables() {
    }

    static Map<String, String> forNode(int i, int nodes, PeerPorts ports, Map<String, String> config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ZOO_MY_ID", Integer.toString(i + 1));
        List<String> servers = new ArrayList<>();
        for (int j = 0; j < nodes; j++) {
            servers.add(i == j ? "server." + (j + 1) + "=0.0.0.0:2888:3888;2181"
                    : "server." + (j + 1) + "=toxiproxy:" + ports.port(i, j, Channel.QUORUM) + ":" + ports.port(i, j, Channel.ELECTION) + ";2181");
        }
        env.put("ZOO_SERVERS", String.join(" ", servers));
        env.put("ZOO_4LW_COMMANDS_WHITELIST", "*");
        // Every client connection arrives from the proxy container's one address.
        env.put("ZOO_MAX_CLIENT_CNXNS", "0");
        List<String> extra = new ArrayList<>();
        config.forEach((k, v) -> {
            if (NAMED.containsKey(k)) {
                env.put(NAMED.get(k), v);
            } else {
                extra.add(k + "=" + v);
            }
        });
        if (!extra.isEmpty()) {
            env.put("ZOO_CFG_EXTRA", String.join(" ", extra));
        }
        return env;
    }
}
