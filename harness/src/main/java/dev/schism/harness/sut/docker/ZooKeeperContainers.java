package dev.schism.harness.sut.docker;

import dev.schism.harness.backend.docker.ContainerTarget;
import dev.schism.harness.sut.ZooKeeperRoleWatcher;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;

/**
 * ZooKeeper's part of a docker cluster: each server's {@code /data} is a host folder
 * ({@code nodes/nN/zk}), so the role watcher reads the server's log and {@code currentEpoch} as on the local
 * backend and writes {@code /data/events.jsonl}, which the cluster copies out like the node's journal. The
 * container runs as the host user when that is not root (so the harness can remove what it wrote), else as
 * the image's user 1000; its time zone is the host's, so log timestamps parse alike.
 */
public final class ZooKeeperContainers implements ContainerTarget {
    private final Path nodesDir;
    private final List<ZooKeeperRoleWatcher.Member> members = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private volatile Function<String, InetSocketAddress> admin = n -> null;
    private ZooKeeperRoleWatcher watcher;

    public ZooKeeperContainers(Path nodesDir) {
        this.nodesDir = nodesDir;
    }

    @Override
    public synchronized void configure(int index, String name, GenericContainer<?> container) throws IOException {
        Path shared = Files.createDirectories(nodesDir.resolve(name).resolve("zk")).toAbsolutePath();
        int uid = (Integer) Files.getAttribute(shared, "unix:uid");
        int gid = (Integer) Files.getAttribute(shared, "unix:gid");
        if (uid == 0) {
            // the image's non-root user writes into a folder root made
            Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        } else {
            container.withCreateContainerCmdModifier(cmd -> cmd.withUser(uid + ":" + gid));
        }
        container.withFileSystemBind(shared.toString(), "/data", BindMode.READ_WRITE);
        container.withEnv("TZ", ZoneId.systemDefault().getId());
        names.add(name);
        members.add(new ZooKeeperRoleWatcher.Member(name, index + 1, shared.resolve(ZooKeeperImage.LOG_FILE), shared,
                () -> admin.apply(name), shared.resolve("events.jsonl")));
    }

    @Override
    public synchronized void started(Function<String, InetSocketAddress> adminAddress) {
        admin = adminAddress;
        watcher = new ZooKeeperRoleWatcher(members);
        watcher.start();
    }

    @Override
    public synchronized void stopping() {
        if (watcher != null) {
            watcher.close(); // its last poll reads the lines the servers wrote before they are stopped
            watcher = null;
        }
    }

    @Override
    public synchronized String toString() {
        return "zookeeper-containers{" + names + " sharing nodes/nN/zk as /data}";
    }
}
