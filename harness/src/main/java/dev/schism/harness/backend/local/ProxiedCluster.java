package dev.schism.harness.backend.local;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.proxy.ToxiproxyServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A local cluster together with the embedded proxy it was given (if any), which stops after the nodes. */
final class ProxiedCluster implements Cluster {
    private final LocalCluster cluster;
    private final ToxiproxyServer embedded;

    ProxiedCluster(LocalCluster cluster, ToxiproxyServer embedded) {
        this.cluster = cluster;
        this.embedded = embedded;
    }

    @Override
    public List<String> nodes() {
        return cluster.nodes();
    }

    @Override
    public void start() throws IOException {
        cluster.start();
    }

    @Override
    public String awaitLeader(Duration timeout) throws IOException {
        return cluster.awaitLeader(timeout);
    }

    @Override
    public String clientAddress(String node) {
        return cluster.clientAddress(node);
    }

    @Override
    public NemesisPackages.Target target() {
        return cluster.target();
    }

    @Override
    public Map<String, Path> roleJournals() {
        return cluster.roleJournals();
    }

    @Override
    public List<String> ownExits() {
        return cluster.ownExits();
    }

    @Override
    public Optional<String> leader() {
        return cluster.leader();
    }

    @Override
    public Optional<String> favourite() {
        return cluster.favourite();
    }

    @Override
    public void close() {
        cluster.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    public String toString() {
        return cluster + (embedded != null ? " behind the embedded proxy" : "");
    }
}
