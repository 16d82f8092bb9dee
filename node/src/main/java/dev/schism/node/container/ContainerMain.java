package dev.schism.node.container;

import dev.schism.node.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The image's entry point (after the shell line that adds {@code JVMFLAGS}): writes zoo.cfg from the
 * {@code ZOO_*} variables unless one is mounted, writes myid unless one exists, then runs the node in this
 * JVM, which is the container's PID 1, so {@code docker stop}'s SIGTERM reaches the node's clean shutdown.
 * Arguments (e.g. {@code --inject-bug NAME}) go to the node before the config path.
 */
public final class ContainerMain {
    private ContainerMain() {
    }

    public static void main(String[] args) throws Exception {
        ContainerConfig c = ContainerConfig.from(System.getenv());
        try {
            prepare(c);
        } catch (IOException e) {
            System.err.println("error: cannot prepare the container's config: " + e.getMessage());
            System.exit(Main.EXIT_USAGE);
            return;
        }
        List<String> nodeArgs = new ArrayList<>(List.of(args));
        nodeArgs.add(c.zooCfgFile().toString());
        Main.main(nodeArgs.toArray(String[]::new));
    }

    /** Writes what is missing; a zoo.cfg or myid already there is kept, as the official image does. */
    static void prepare(ContainerConfig c) throws IOException {
        Files.createDirectories(c.dataDir());
        Files.createDirectories(c.dataLogDir());
        Path cfg = c.zooCfgFile();
        if (Files.exists(cfg)) {
            System.err.println("using " + cfg + " as mounted (ZOO_* variables ignored)");
        } else {
            Files.createDirectories(c.confDir());
            Files.writeString(cfg, c.zooCfg(), StandardCharsets.UTF_8);
        }
        Path myid = c.dataDir().resolve("myid");
        if (!Files.exists(myid)) {
            Files.writeString(myid, c.myId() + "\n", StandardCharsets.US_ASCII);
        }
    }
}
