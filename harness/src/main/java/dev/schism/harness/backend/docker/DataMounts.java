package dev.schism.harness.backend.docker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Where a node container keeps {@code /data}: the run folder's {@code nodes/nN/data}, bind-mounted, when the
 * engine runs on this machine. Then the role journal is written straight into the run folder, so nothing has
 * to be copied out before a container is removed (Testcontainers' own shutdown hook may remove it first on
 * Ctrl-C), and a killed container starts again on the same files. A remote engine cannot see this machine's
 * folders: there the data stays in the container's volume and is copied out.
 */
final class DataMounts {
    private DataMounts() {
    }

    /** The host folder to mount at {@code /data}, made writable for the image's user (uid 1000); empty for a remote engine. */
    static Optional<Path> hostDataDir(Path nodeDir) throws IOException {
        if (!engineIsLocal()) {
            return Optional.empty();
        }
        Path data = Files.createDirectories(nodeDir.resolve("data")).toAbsolutePath();
        // The node runs as uid 1000, whoever runs the harness: the folder must take its files either way.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
        return Optional.of(data);
    }

    private static boolean engineIsLocal() {
        try {
            URI host = DockerClientFactory.instance().getTransportConfig().getDockerHost();
            return host != null && "unix".equals(host.getScheme());
        } catch (RuntimeException e) {
            return false;
        }
    }
}
