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
        dev.schism.harness.sut.ServerTarget target = dev.schism.harness.sut.ServerTarget.parse(r.target());
        if (target.isZooKeeper()) {
            refuseForZooKeeper(r, target);
        }
        DockerClient docker = engine();
        List<String> removed = Leftovers.remove(docker, false);
        if (!removed.isEmpty()) {
            r.console().println("schism: removed what earlier runs left behind: " + String.join(", ", removed));
        }
        r.console().println("schism: preparing images (built once, then reused while the jars stay the same)");
        String nodeImage = target.isZooKeeper() ? zooKeeperImage(r, target.zookeeperVersion().get(), docker) : Images.node(r.nodeJar()).ensure(docker);
        String proxyImage = r.toxiproxyImage().isPresent() ? r.toxiproxyImage().get() : Images.proxy().ensure(docker);
        DockerCluster.Spec spec = new DockerCluster.Spec(r.nodes(), r.nodesDir(), nodeImage, proxyImage, r.injectBug(), r.config());
        return target.isZooKeeper() ? new DockerCluster(spec, new dev.schism.harness.sut.docker.ZooKeeperContainers(r.nodesDir()))
                : new DockerCluster(spec);
    }

    /** ZooKeeper has no seeded bugs and no clok admin word (libfaketime reaches it on the local backend only). */
    private static void refuseForZooKeeper(ClusterRequest r, dev.schism.harness.sut.ServerTarget target) {
        if (r.injectBug().isPresent()) {
            throw new IllegalArgumentException("--inject-bug " + r.injectBug().get() + " breaks the Schism node; ZooKeeper has no such switch");
        }
        if (r.clockFaults()) {
            throw new IllegalArgumentException("--nemesis clock: target " + target + " takes clock faults through libfaketime,"
                    + " on the local backend only (use --backend local)");
        }
    }

    private static String zooKeeperImage(ClusterRequest r, String version, DockerClient docker) throws IOException {
        r.console().println("schism: resolving ZooKeeper " + version + " (Maven Central, cached in the local repository)");
        return dev.schism.harness.sut.docker.ZooKeeperImage.ensure(dev.schism.harness.sut.ZooKeeperRelease.resolve(version), docker);
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
