package dev.schism.workloads.election;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.checker.election.ElectionChecker;
import dev.schism.harness.checker.znode.ZnodeVersionChecker;
import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.harness.runner.Client;
import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.results.history.Op;
import dev.schism.workloads.zk.ZkSession;
import dev.schism.workloads.zk.Znodes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients overwrite one znode with unique values through every server (client thread i talks to node
 * i mod N); the election checker judges leaders per epoch from the role journals and the acknowledged
 * zxids; the znode-version checker reads the znode back from every server at the end and judges the
 * versions the writes were given: a write that another write of a later zxid did not count was lost.
 */
public final class ElectionWorkload implements Workload {
    public static final String PATH = "/schism-election";
    static final String FINAL_READ = "final-read";
    static final int SESSION_TIMEOUT_MS = 4000;
    static final long OP_TIMEOUT_MS = 3000;

    @Override
    public String name() {
        return "election";
    }

    @Override
    public String description() {
        return "clients keep writing one znode through every server; checks one leader per epoch";
    }

    @Override
    public void validate(TestSpec spec) {
        spec.reads().ifPresent(r -> {
            throw new IllegalArgumentException("--reads does not apply to the election workload (it only writes, and reads back at the end)");
        });
    }

    @Override
    public void setup(Cluster cluster, TestSpec spec) throws Exception {
        Znodes.createPersistent(cluster, SESSION_TIMEOUT_MS, PATH);
    }

    @Override
    public Client client(Cluster cluster, TestSpec spec, int thread) {
        String node = cluster.nodes().get(thread % cluster.nodes().size());
        return new ElectionClient(node, new ZkSession(cluster.clientAddress(node), SESSION_TIMEOUT_MS), OP_TIMEOUT_MS);
    }

    /** Shared by every phase's generator, so values never repeat within a run (they may skip numbers). */
    private final AtomicLong nextValue = new AtomicLong();

    @Override
    public Generator generator(TestSpec spec) {
        // Unique values, so one zxid acknowledged for two different writes is visible.
        return Gens.numbered("write", n -> nextValue.getAndIncrement());
    }

    @Override
    public List<Op> finalOps(TestSpec spec) {
        return List.of(Op.invoke(0, FINAL_READ, null));
    }

    @Override
    public List<RunChecker> checkers() {
        return List.of(new ElectionChecker(), new ZnodeVersionChecker("write", FINAL_READ));
    }

    @Override
    public String toString() {
        return name();
    }
}
