package dev.schism.harness.backend;

import dev.schism.harness.nemesis.LeaderProbe;
import dev.schism.harness.nemesis.NemesisPackages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A running set of nodes, whichever backend runs them ({@link Backends} makes one by name). Nodes'
 * journals and logs end up in {@code <nodesDir>/nN/} (node.log, zoo.cfg, data/events.jsonl) on every backend,
 * at the latest when the cluster closes. {@link #close} stops everything it started (processes, proxies) and is
 * idempotent; implementations also stop everything from a JVM shutdown hook.
 */
public interface Cluster extends AutoCloseable, LeaderProbe {
    /** Node names, n1..nN. */
    List<String> nodes();

    /** Starts every node and returns when each answers its admin port. */
    void start() throws IOException;

    /** Waits until some node leads; IOException naming the wait if none does in time. */
    String awaitLeader(Duration timeout) throws IOException;

    /** host:port a client uses to reach this node (through the fault proxy for that client link, if any). */
    String clientAddress(String node);

    /** The fault capabilities for nemeses. */
    NemesisPackages.Target target();

    /** Each node's role journal (its events.jsonl), whether or not it exists yet. */
    Map<String, Path> roleJournals();

    /** Every stop a node made on its own during the run (not one the harness caused), e.g. "n3 exited by itself with status 4". */
    default List<String> ownExits() {
        return List.of();
    }

    @Override
    void close();
}
