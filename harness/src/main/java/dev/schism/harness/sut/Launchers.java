package dev.schism.harness.sut;

import dev.schism.harness.backend.local.NodeCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** The command that starts one server of a target: the node's jar, or a ZooKeeper release resolved first. */
public final class Launchers {
    private Launchers() {
    }

    public static NodeCommand command(String target, Optional<Path> nodeJar, PrintStream console) throws IOException {
        ServerTarget t = ServerTarget.parse(target);
        if (!t.isZooKeeper()) {
            return NodeCommand.locate(nodeJar);
        }
        console.println("schism: resolving ZooKeeper " + t.zookeeperVersion().get() + " (Maven Central, cached in the local repository)");
        ZooKeeperRelease release = ZooKeeperRelease.resolve(t.zookeeperVersion().get());
        return release.nodeCommand();
    }
}
