package dev.schism.workloads.set;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.checker.set.SetChecker;
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
 * Unique adds as creates under {@link #PARENT}, one read of the whole set in every {@link #READ_EVERY} ops,
 * and a final read of the whole set from every server.
 */
public final class SetWorkload implements Workload {
    public static final String PARENT = "/schism-set";
    static final String ADD = "add";
    static final String READ = "read";
    static final String FINAL_READ = "final-read";
    /** One op in this many is a read of the whole set during the run. */
    static final int READ_EVERY = 20;
    static final int SESSION_TIMEOUT_MS = 4000;
    static final long OP_TIMEOUT_MS = 3000;

    /** Op numbers each phase may use (far more than a phase makes). */
    static final long PHASE_SPAN = 1_000_000_000_000L;
    /** How many generators this workload has made: each phase numbers its elements from its own base, so they never repeat. */
    private final AtomicLong phases = new AtomicLong();

    @Override
    public String name() {
        return "set";
    }

    @Override
    public String description() {
        return "clients add unique elements (creates under one znode); every server must hold every acknowledged add at the end";
    }

    @Override
    public void validate(TestSpec spec) {
        spec.reads().ifPresent(r -> {
            throw new IllegalArgumentException("--reads does not apply to the set workload (its reads take the whole set with the parent's pzxid, judged by the set checker)");
        });
    }

    @Override
    public void setup(Cluster cluster, TestSpec spec) throws Exception {
        Znodes.createPersistent(cluster, SESSION_TIMEOUT_MS, PARENT);
    }

    @Override
    public Client client(Cluster cluster, TestSpec spec, int thread) {
        String node = cluster.nodes().get(thread % cluster.nodes().size());
        return new SetClient(node, new ZkSession(cluster.clientAddress(node), SESSION_TIMEOUT_MS), OP_TIMEOUT_MS);
    }

    @Override
    public Generator generator(TestSpec spec) {
        long base = phases.getAndIncrement() * PHASE_SPAN;
        return Gens.numberedOps("set ops", n -> n % READ_EVERY == 0 ? Op.invoke(0, READ, null) : Op.invoke(0, ADD, base + n));
    }

    @Override
    public List<Op> finalOps(TestSpec spec) {
        return List.of(Op.invoke(0, FINAL_READ, null));
    }

    @Override
    public List<RunChecker> checkers() {
        return List.of(new SetChecker(ADD, READ, FINAL_READ));
    }

    @Override
    public String toString() {
        return name();
    }
}
