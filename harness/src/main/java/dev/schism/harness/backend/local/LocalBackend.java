package dev.schism.harness.backend.local;

import dev.schism.harness.backend.Backend;
import dev.schism.harness.backend.Cluster;
import dev.schism.harness.backend.ClusterRequest;
import dev.schism.harness.sut.Launchers;
import dev.schism.harness.proxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;

/** {@code local}: node processes on 127.0.0.1 behind the embedded fault proxy, or a running Toxiproxy given as host:port. */
public final class LocalBackend implements Backend {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "node processes on this machine (needs only a JDK)";
    }

    @Override
    public Cluster create(ClusterRequest r) throws IOException {
        if (r.toxiproxyImage().isPresent()) {
            throw new IllegalArgumentException("--toxiproxy-image is for the docker backend; the local backend takes --toxiproxy host:port");
        }
        ToxiproxyServer embedded = null;
        ToxiproxyClient client;
        if (r.toxiproxy().isPresent()) {
            client = connect(r.toxiproxy().get());
        } else {
            embedded = ToxiproxyServer.start("127.0.0.1", 0, r.seed());
            client = new ToxiproxyClient(embedded.apiHost(), embedded.apiPort());
        }
        LocalCluster cluster = new LocalCluster(new LocalCluster.Spec(r.nodes(), r.nodesDir(), client,
                Launchers.command(r.target(), r.nodeJar(), r.clockFaults(), r.console()), r.injectBug(), r.config()));
        return new ProxiedCluster(cluster, embedded);
    }

    private static ToxiproxyClient connect(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("--toxiproxy must be host:port, got '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--toxiproxy port must be a number, got '" + hostPort + "'");
        }
        ToxiproxyClient c = new ToxiproxyClient(hostPort.substring(0, colon), port);
        try {
            c.version();
        } catch (IOException e) {
            throw new IOException("no Toxiproxy answers at " + hostPort + ": " + e.getMessage(), e);
        }
        return c;
    }

    @Override
    public String toString() {
        return "backend local";
    }
}
