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

    /** {@code clockFaults}: the run has the clock nemesis, which ZooKeeper takes only through libfaketime. */
    public static NodeCommand command(String target, Optional<Path> nodeJar, boolean clockFaults, PrintStream console)
            throws IOException {
        return command(target, nodeJar, clockFaults, FakeTime.library(), console);
    }

    static NodeCommand command(String target, Optional<Path> nodeJar, boolean clockFaults, Optional<Path> fakeTimeLibrary,
                               PrintStream console) throws IOException {
        ServerTarget t = ServerTarget.parse(target);
        if (!t.isZooKeeper()) {
            return NodeCommand.locate(nodeJar);
        }
        Optional<Path> fakeTime = clockFaults ? fakeTimeLibrary : Optional.empty();
        if (clockFaults && fakeTime.isEmpty()) {
            throw new IllegalArgumentException("--nemesis clock: target " + t + " takes clock faults through libfaketime, "
                    + "which is not installed (Debian: apt-get install libfaketime; or set SCHISM_LIBFAKETIME to libfaketimeMT.so.1)");
        }
        console.println("schism: resolving ZooKeeper " + t.zookeeperVersion().get() + " (Maven Central, cached in the local repository)");
        ZooKeeperRelease release = ZooKeeperRelease.resolve(t.zookeeperVersion().get());
        return release.nodeCommand(fakeTime);
    }
}
