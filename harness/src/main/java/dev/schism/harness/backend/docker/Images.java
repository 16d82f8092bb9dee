package dev.schism.harness.backend.docker;

import dev.schism.harness.backend.local.NodeCommand;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two images the docker backend runs, both built here from what this JVM already has (no registry, no
 * Maven step, so a machine with an engine but no build tools can still run {@code --backend docker}):
 * {@code schism/node:<version>}, configured like the official zookeeper image, and
 * {@code schism/toxiproxy:<version>}, the embedded Toxiproxy-compatible server listening where the real
 * image does (API on 8474), so Testcontainers' {@code ToxiproxyContainer} accepts it as a substitute.
 */
public final class Images {
    public static final String VERSION = "0.1.0";
    public static final String NODE = "schism/node:" + VERSION;
    public static final String PROXY = "schism/toxiproxy:" + VERSION;
    /** The same JVM options as a local node's, so the two backends compare like for like; JVMFLAGS come after and win. */
    static final String NODE_JAVA_OPTS = "-Xmx192m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData";

    private Images() {
    }

    /** The node image: the node jar if one is found (small), else this JVM's class path. */
    public static ScratchImage node(Optional<Path> nodeJar) {
        Optional<Path> jar = nodeJar.or(() -> Optional.ofNullable(System.getenv("SCHISM_NODE_JAR")).map(Path::of)).or(NodeCommand::findJar);
        List<Path> cp = jar.isPresent() ? List.of(jar.get().toAbsolutePath()) : classPath();
        return new ScratchImage(NODE, cp, "dev.schism.node.container.ContainerMain", List.of(), NODE_JAVA_OPTS,
                List.of("/conf", "/data", "/datalog"), List.of(2181, 2888, 3888), List.of("/data", "/datalog"),
                Map.of("ZOO_CONF_DIR", "/conf", "ZOO_DATA_DIR", "/data", "ZOO_DATA_LOG_DIR", "/datalog"));
    }

    /** The proxy image: {@code schism proxy} on 0.0.0.0:8474, from this JVM's class path. */
    public static ScratchImage proxy() {
        return new ScratchImage(PROXY, classPath(), "dev.schism.harness.cli.Main", List.of("proxy", "--host", "0.0.0.0", "--port", "8474"),
                "-Xmx256m -XX:+UseSerialGC -XX:-UsePerfData -Dsun.net.inetaddr.ttl=0 -Dsun.net.inetaddr.negative.ttl=0", List.of(), List.of(8474), List.of(), Map.of());
    }

    /**
     * This JVM's class path without test classes, test-jars and test-runner jars: they are never needed in a
     * container, and leaving them out keeps a test change from changing the image's hash.
     */
    static List<Path> classPath() {
        List<Path> out = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isBlank()) {
                continue;
            }
            Path p = Path.of(e).toAbsolutePath();
            String n = p.getFileName().toString();
            if (!Files.exists(p) || n.equals("test-classes") || n.endsWith("-tests.jar") || n.startsWith("surefire") || n.startsWith("junit-")
                    || n.startsWith("opentest4j") || n.startsWith("apiguardian") || n.startsWith("awaitility") || n.startsWith("hamcrest")) {
                continue;
            }
            out.add(p);
        }
        return out;
    }
}
