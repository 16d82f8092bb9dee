package dev.schism.harness.sut.docker;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The entry point of a {@code schism/zookeeper} container: writes {@code zoo.cfg} and {@code myid} from the
 * official image's variables ({@code ZOO_MY_ID}, {@code ZOO_SERVERS}, {@code ZOO_TICK_TIME} ...,
 * {@code ZOO_CFG_EXTRA}), then runs {@code QuorumPeerMain} in this JVM, so the JVM stays PID 1 and SIGTERM
 * stops it. It is copied into the image as a single class beside the release's jars, so it uses the JDK only.
 */
public final class ZooKeeperContainerMain {
    private ZooKeeperContainerMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path data = Path.of(env.getOrDefault("ZOO_DATA_DIR", "/data"));
        Path conf = Path.of(env.getOrDefault("ZOO_CONF_DIR", "/conf"));
        // a container run as another user (the host's, for files it can remove) may not write /conf
        Path cfg = Files.isWritable(conf) ? conf.resolve("zoo.cfg") : Path.of("/tmp/zoo.cfg");
        Files.createDirectories(data);
        Files.writeString(cfg, config(env), StandardCharsets.UTF_8);
        Files.writeString(data.resolve("myid"), env.getOrDefault("ZOO_MY_ID", "1").trim() + "\n", StandardCharsets.US_ASCII);
        Class.forName("org.apache.zookeeper.server.quorum.QuorumPeerMain").getMethod("main", String[].class)
                .invoke(null, (Object) new String[] {cfg.toString()});
    }

    /**
     * zoo.cfg as the official image writes it. Server lines lose their {@code ;clientPort} suffix, which
     * 3.4 cannot parse; {@code clientPort} says the same to every release.
     */
    static String config(Map<String, String> env) {
        List<String> lines = new ArrayList<>();
        lines.add("# written by schism's ZooKeeper container entry point from the ZOO_* variables");
        lines.add("dataDir=" + env.getOrDefault("ZOO_DATA_DIR", "/data"));
        lines.add("dataLogDir=" + env.getOrDefault("ZOO_DATA_LOG_DIR", "/datalog"));
        lines.add("clientPort=2181");
        lines.add("tickTime=" + env.getOrDefault("ZOO_TICK_TIME", "2000"));
        lines.add("initLimit=" + env.getOrDefault("ZOO_INIT_LIMIT", "5"));
        lines.add("syncLimit=" + env.getOrDefault("ZOO_SYNC_LIMIT", "2"));
        lines.add("maxClientCnxns=" + env.getOrDefault("ZOO_MAX_CLIENT_CNXNS", "60"));
        lines.add("4lw.commands.whitelist=" + env.getOrDefault("ZOO_4LW_COMMANDS_WHITELIST", "srvr"));
        lines.add("admin.enableServer=false");
        String servers = env.getOrDefault("ZOO_SERVERS", "").trim();
        String[] each = servers.isEmpty() ? new String[0] : servers.split("\\s+");
        if (each.length > 1) {
            lines.add("standaloneEnabled=false");
        }
        for (String extra : env.getOrDefault("ZOO_CFG_EXTRA", "").trim().split("\\s+")) {
            if (!extra.isEmpty()) {
                lines.add(extra);
            }
        }
        for (String s : each) {
            int semi = s.indexOf(';');
            lines.add(semi >= 0 ? s.substring(0, semi) : s);
        }
        return String.join("\n", lines) + "\n";
    }
}
