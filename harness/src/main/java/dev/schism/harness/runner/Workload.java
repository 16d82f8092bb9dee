package dev.schism.harness.runner;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.gen.Generator;
import java.util.List;

/**
 * A workload: how to prepare the system, a client per worker thread, the client ops to run, and the
 * checkers that judge the result. Implementations are registered as {@link java.util.ServiceLoader}
 * services of this interface so the command line finds them by {@link #name()}.
 */
public interface Workload {
    String name();

    /** One line for {@code schism run --help}. */
    String description();

    /** Prepares the running cluster (e.g. creates the znodes clients write). */
    void setup(Cluster cluster, TestSpec spec) throws Exception;

    /** Opens the client of worker thread {@code thread}; thread i talks to node i mod N. */
    Client client(Cluster cluster, TestSpec spec, int thread) throws Exception;

    /** The client ops, without time limit or rate (the runner adds both). */
    Generator generator(TestSpec spec);

    /**
     * Ops run once against every node on its own after the recovery phase (e.g. a read of everything the
     * clients wrote), each through a fresh {@link #client} of that node and retried until it succeeds.
     * Their invocations carry no time or process; none by default.
     */
    default List<dev.schism.results.history.Op> finalOps(TestSpec spec) {
        return List.of();
    }

    /** Rejects options that do not apply to this workload (IllegalArgumentException naming the option). */
    default void validate(TestSpec spec) {
    }

    /** Checkers of this workload's runs (also used by {@code analyze}). */
    List<RunChecker> checkers();

    /**
     * The seeded bugs this workload's own clients can carry (e.g. a broken recipe), by the name
     * {@code --inject-bug} takes. The runner keeps these from the nodes; the workload reads the bug from
     * {@link TestSpec#injectBug()} when it opens its clients.
     */
    default List<String> clientBugs() {
        return List.of();
    }
}
