package dev.schism.harness.backend.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How to launch one node: {@code java <opts> -jar schism-node.jar [--inject-bug NAME] zoo.cfg}, or, when no
 * node jar is found, the node's main class from this JVM's own class path (the shaded {@code schism.jar}
 * contains the node). JVM options for nodes come from {@code SCHISM_NODE_JAVA_OPTS}; the default keeps five
 * nodes light on a small machine.
 */
public record NodeCommand(List<String> launch, boolean zooKeeper, Optional<Path> fakeTime) {
    public static final String NODE_MAIN = "dev.schism.node.Main";
    public static final String DEFAULT_OPTS = "-Xmx192m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData";

    /** A Schism node command. */
    public NodeCommand(List<String> launch) {
        this(launch, false, Optional.empty());
    }

    /**
     * {@code fakeTime}: the libfaketime library to preload, so the clock nemesis can reach a server that has
     * no {@code clok} admin word (ZooKeeper); empty for the node.
     */
    public NodeCommand {
        launch = List.copyOf(launch);
    }

    /** The node jar if given or found (env SCHISM_NODE_JAR, then node/target/schism-node.jar above the working directory), else the class path. */
    public static NodeCommand locate(Optional<Path> nodeJar) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getenv().getOrDefault("SCHISM_NODE_JAVA_OPTS", DEFAULT_OPTS);
        Arrays.stream(opts.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(cmd::add);
        Optional<Path> jar = nodeJar.or(() -> Optional.ofNullable(System.getenv("SCHISM_NODE_JAR")).map(Path::of)).or(NodeCommand::findJar);
        if (jar.isPresent()) {
            if (!Files.isRegularFile(jar.get())) {
                throw new IllegalArgumentException("node jar " + jar.get() + " does not exist (build it: mvn -pl node -am package -DskipTests)");
            }
            cmd.add("-jar");
            cmd.add(jar.get().toAbsolutePath().toString());
        } else {
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add(NODE_MAIN);
        }
        return new NodeCommand(List.copyOf(cmd));
    }

    /** node/target/schism-node.jar in the working directory or up to two folders above it. */
    public static Optional<Path> findJar() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
            Path p = dir.resolve("node/target/schism-node.jar");
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The full command for a node with this config. */
    public List<String> forConfig(Path zooCfg, Optional<String> injectBug) {
        List<String> cmd = new ArrayList<>(launch);
        if (zooKeeper && injectBug.isPresent()) {
            throw new IllegalArgumentException("--inject-bug " + injectBug.get() + " breaks the Schism node; ZooKeeper has no such switch");
        }
        injectBug.ifPresent(b -> {
            cmd.add("--inject-bug");
            cmd.add(b);
        });
        cmd.add(zooCfg.toAbsolutePath().toString());
        return cmd;
    }

    @Override
    public String toString() {
        return (zooKeeper ? "zookeeper: " : "") + String.join(" ", launch);
    }
}
