package dev.schism.harness.backend.docker;

import com.github.dockerjava.api.DockerClient;
import dev.schism.harness.backend.Backend;
import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.ClusterRequest;
import java.io.IOException;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * {@code docker}: the nodes as containers of {@code schism/node}, faults through a proxy container
 * ({@code schism/toxiproxy}, or {@code --toxiproxy-image} such as {@code ghcr.io/shopify/toxiproxy:2.12.0}
 * where it can be pulled). Before a run it removes what runs whose harness died left behind, and builds the
 * images if their content changed.
 */
public final class DockerBackend implements Backend {
    @Override
    public String name() {
        return "docker";
    }

    @Override
    public String description() {
        return "node containers through Testcontainers (images built here, no registry needed)";
    }

    @Override
    public Cluster create(ClusterRequest r) throws IOException {
        if (r.toxiproxy().isPresent()) {
            throw new IllegalArgumentException("--toxiproxy is for the local backend; the docker backend runs the proxy as a container"
                    + " (--toxiproxy-image picks its image)");
        }
        if (!r.target().equals("schism")) {
            throw new IllegalArgumentException("--target " + r.target() + " runs on the local backend only; the docker backend runs the Schism node image");
        }
        DockerClient docker = engine();
        List<String> removed = Leftovers.remove(docker, false);
        if (!removed.isEmpty()) {
            r.console().println("schism: removed what earlier runs left behind: " + String.join(", ", removed));
        }
        r.console().println("schism: preparing images (built once, then reused while the jars stay the same)");
        String nodeImage = Images.node(r.nodeJar()).ensure(docker);
        String proxyImage = r.toxiproxyImage().isPresent() ? r.toxiproxyImage().get() : Images.proxy().ensure(docker);
        return new DockerCluster(new DockerCluster.Spec(r.nodes(), r.nodesDir(), nodeImage, proxyImage, r.injectBug(), r.config()));
    }

    /** The engine's client; IOException saying how to get one when none answers. */
    public static DockerClient engine() throws IOException {
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return DockerClientFactory.instance().client();
            }
        } catch (RuntimeException e) {
            throw new IOException("no Docker engine answers (" + e.getMessage() + "); start one (Debian: apt-get install docker.io, then dockerd)", e);
        }
        throw new IOException("no Docker engine answers; start one (Debian: apt-get install docker.io, then dockerd), or set DOCKER_HOST."
                + " Offline, also set TESTCONTAINERS_RYUK_DISABLED=true and TESTCONTAINERS_CHECKS_DISABLE=true");
    }

    @Override
    public String toString() {
        return "backend docker";
    }
}
