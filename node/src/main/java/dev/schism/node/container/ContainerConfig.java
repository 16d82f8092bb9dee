package dev.schism.node.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The zoo.cfg and myid the official {@code zookeeper} image's entry point would write for an environment,
 * with that image's defaults ({@code ZOO_TICK_TIME=2000}, {@code ZOO_INIT_LIMIT=5}, {@code ZOO_SYNC_LIMIT=2},
 * {@code ZOO_MAX_CLIENT_CNXNS=60}, one server {@code server.1=localhost:2888:3888;2181}). Pure: the caller
 * decides whether a file already there wins.
 */
public record ContainerConfig(Path confDir, Path dataDir, Path dataLogDir, List<String> zooCfgLines, String myId) {

    /** Reads the variables; {@code ZOO_CONF_DIR}, {@code ZOO_DATA_DIR} and {@code ZOO_DATA_LOG_DIR} move the folders as in that image. */
    public static ContainerConfig from(Map<String, String> env) {
        Path conf = Path.of(get(env, "ZOO_CONF_DIR", "/conf"));
        Path data = Path.of(get(env, "ZOO_DATA_DIR", "/data"));
        Path dataLog = Path.of(get(env, "ZOO_DATA_LOG_DIR", "/datalog"));
        List<String> lines = new ArrayList<>();
        lines.add("dataDir=" + data);
        lines.add("dataLogDir=" + dataLog);
        lines.add("tickTime=" + get(env, "ZOO_TICK_TIME", "2000"));
        lines.add("initLimit=" + get(env, "ZOO_INIT_LIMIT", "5"));
        lines.add("syncLimit=" + get(env, "ZOO_SYNC_LIMIT", "2"));
        lines.add("autopurge.snapRetainCount=" + get(env, "ZOO_AUTOPURGE_SNAPRETAINCOUNT", "3"));
        lines.add("maxClientCnxns=" + get(env, "ZOO_MAX_CLIENT_CNXNS", "60"));
        String standalone = get(env, "ZOO_STANDALONE_ENABLED", "true");
        if (!standalone.equals("true")) {
            lines.add("standaloneEnabled=" + standalone); // false: one server runs in quorum mode, a leader of one
        }
        lines.addAll(words(get(env, "ZOO_SERVERS", "server.1=localhost:2888:3888;2181")));
        String whitelist = env.get("ZOO_4LW_COMMANDS_WHITELIST");
        if (whitelist != null && !whitelist.isBlank()) {
            lines.add("4lw.commands.whitelist=" + whitelist.strip());
        }
        lines.addAll(words(get(env, "ZOO_CFG_EXTRA", "")));
        return new ContainerConfig(conf, data, dataLog, List.copyOf(lines), get(env, "ZOO_MY_ID", "1"));
    }

    /** The zoo.cfg text, one entry per line. */
    public String zooCfg() {
        return "# written from ZOO_* variables at container start (a mounted zoo.cfg wins)\n" + String.join("\n", zooCfgLines) + "\n";
    }

    public Path zooCfgFile() {
        return confDir.resolve("zoo.cfg");
    }

    /** The official image treats an empty variable like an unset one. */
    private static String get(Map<String, String> env, String key, String dflt) {
        String v = env.get(key);
        return v == null || v.isBlank() ? dflt : v.strip();
    }

    /** Space-separated entries, as the image's shell loop splits them. */
    private static List<String> words(String s) {
        return Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "container-config{myid " + myId + ", " + zooCfgFile() + ", " + zooCfgLines.size() + " lines}";
    }
}
