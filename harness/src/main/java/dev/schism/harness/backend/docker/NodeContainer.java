package dev.schism.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.schism.harness.backend.NodeHandle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;

/**
 * One node's container. Kill is {@code docker kill} (SIGKILL) and start is {@code docker start} of the same
 * container, so its data volume is kept; pause is {@code docker pause} (the cgroup freezer). The published
 * client port changes with every start, so the admin address is read again after one. Thread-safe.
 */
final class NodeContainer implements NodeHandle {
    private static final ExposedPort CLIENT = ExposedPort.tcp(2181);
    private final String name;
    private final GenericContainer<?> container;
    private final DockerClient docker;
    private InetSocketAddress admin;
    private boolean paused;
    private boolean killed;
    private final List<String> ownExits = new ArrayList<>();
    /** Whether /data is the run folder's nodes/nN/data (bind-mounted): then the journal is never copied. */
    private final boolean dataOnHost;

    NodeContainer(String name, GenericContainer<?> container, DockerClient docker, boolean dataOnHost) {
        this.name = name;
        this.container = container;
        this.docker = docker;
        this.dataOnHost = dataOnHost;
    }

    @Override
    public String name() {
        return name;
    }

    GenericContainer<?> container() {
        return container;
    }

    /** After the first start (by Testcontainers). */
    synchronized void started() {
        admin = new InetSocketAddress(container.getHost(), container.getMappedPort(2181));
    }

    @Override
    public synchronized InetSocketAddress adminAddress() {
        return admin;
    }

    @Override
    public synchronized boolean alive() {
        return admin != null && state().getRunning();
    }

    @Override
    public synchronized boolean paused() {
        return paused && alive();
    }

    private InspectContainerResponse.ContainerState state() {
        return docker.inspectContainerCmd(container.getContainerId()).exec().getState();
    }

    synchronized void kill() throws IOException {
        try {
            noteOwnExit();
            if (paused) {
                docker.unpauseContainerCmd(container.getContainerId()).exec();
                paused = false;
            }
            if (state().getRunning()) {
                docker.killContainerCmd(container.getContainerId()).exec();
            }
            killed = true;
        } catch (RuntimeException e) {
            throw new IOException("docker kill " + name + ": " + e.getMessage(), e);
        }
    }

    synchronized void start() throws IOException {
        try {
            if (state().getRunning()) {
                return;
            }
            noteOwnExit();
            docker.startContainerCmd(container.getContainerId()).exec();
            killed = false;
            paused = false;
            Ports.Binding[] b = docker.inspectContainerCmd(container.getContainerId()).exec().getNetworkSettings().getPorts().getBindings().get(CLIENT);
            admin = new InetSocketAddress(container.getHost(), Integer.parseInt(b[0].getHostPortSpec()));
        } catch (RuntimeException e) {
            throw new IOException("docker start " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void pause() throws IOException {
        try {
            docker.pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        } catch (RuntimeException e) {
            throw new IOException("docker pause " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void resume() throws IOException {
        try {
            docker.unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        } catch (RuntimeException e) {
            throw new IOException("docker unpause " + name + ": " + e.getMessage(), e);
        }
    }

    synchronized List<String> ownExits() {
        noteOwnExit();
        return List.copyOf(ownExits);
    }

    private void noteOwnExit() {
        if (admin == null || killed) {
            return;
        }
        InspectContainerResponse.ContainerState s = state();
        if (!s.getRunning()) {
            ownExits.add("exited by itself with status " + s.getExitCodeLong());
            killed = true; // noted once
        }
    }

    /** Copies the container's role journal, zoo.cfg and log into {@code dir} (nodes/nN), as the local backend lays them out. */
    synchronized void collect(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        if (!dataOnHost) {
            copy("/data/events.jsonl", dir.resolve("data/events.jsonl.copying"));
        }
        if (Files.exists(dir.resolve("data/events.jsonl.copying"))) {
            Files.move(dir.resolve("data/events.jsonl.copying"), dir.resolve("data/events.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        copy("/conf/zoo.cfg", dir.resolve("zoo.cfg"));
        try {
            Files.writeString(dir.resolve("node.log"), container.getLogs(), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            throw new IOException("its log: " + e.getMessage(), e);
        }
    }

    /**
     * Copies the role journal (unless /data is on the host) and, when asked, the log out while the run goes,
     * the journal through a temp file so a reader never sees half of it. Testcontainers' own shutdown hook
     * removes every container it started when the JVM ends (Ctrl-C, SIGTERM), possibly before {@link #collect}
     * gets to them: the last copy of the log (and, with a remote engine, of the journal) is then what is kept.
     */
    void syncJournal(Path dir, boolean withLog) {
        synchronized (this) {
            if (admin == null || paused || killed) {
                return;
            }
        }
        try {
            if (!dataOnHost) {
                Path data = Files.createDirectories(dir.resolve("data"));
                Path tmp = data.resolve("events.jsonl.copying");
                container.copyFileFromContainer("/data/events.jsonl", tmp.toString());
                Files.move(tmp, data.resolve("events.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            if (withLog) {
                Files.writeString(dir.resolve("node.log"), container.getLogs(), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            // not written yet, or the container is stopping: the next copy or the final collect gets it
        }
    }

    private void copy(String inContainer, Path to) {
        try {
            container.copyFileFromContainer(inContainer, to.toString());
        } catch (RuntimeException e) {
            // not written yet (a node that never got far): nothing to collect
        }
    }

    /** Removes the container and its anonymous volumes. */
    synchronized void remove() {
        try {
            docker.removeContainerCmd(container.getContainerId()).withForce(true).withRemoveVolumes(true).exec();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    @Override
    public synchronized String toString() {
        return name + (admin == null ? " (not started)" : " " + container.getContainerId().substring(0, 12) + (paused ? " paused" : killed ? " killed" : ""));
    }
}
