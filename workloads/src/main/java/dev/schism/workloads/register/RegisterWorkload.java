package dev.schism.workloads.register;

import dev.schism.harness.backend.Cluster;
import dev.schism.harness.checker.register.RegisterCheckers;
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
import java.util.SplittableRandom;

/**
 * Read / write / cas on independent znodes under {@link #PARENT}. Op n works on key n / {@link #OPS_PER_KEY};
 * the first op of a key creates it, the rest are 40% reads, 40% blind writes, 20% cas with an expected
 * version drawn from the versions the key can have reached. Values are n, so every write is unique.
 */
public final class RegisterWorkload implements Workload {
    public static final String PARENT = "/schism-register";
    static final int OPS_PER_KEY = 60;
    /** Op numbers each phase may use (far more than a phase makes), a multiple of OPS_PER_KEY. */
    static final long PHASE_SPAN = OPS_PER_KEY * 1_000_000_000L;
    static final int SESSION_TIMEOUT_MS = 4000;
    static final long OP_TIMEOUT_MS = 3000;

    @Override
    public String name() {
        return "register";
    }

    @Override
    public String description() {
        return "read / setData / cas on independent znodes; writes linearizable, reads as ZooKeeper promises (--reads plain|sync|linearizable)";
    }

    @Override
    public void setup(Cluster cluster, TestSpec spec) throws Exception {
        Znodes.createPersistent(cluster, SESSION_TIMEOUT_MS, PARENT);
    }

    @Override
    public Client client(Cluster cluster, TestSpec spec, int thread) {
        String node = cluster.nodes().get(thread % cluster.nodes().size());
        return new RegisterClient(node, new ZkSession(cluster.clientAddress(node), SESSION_TIMEOUT_MS), OP_TIMEOUT_MS,
                spec.reads().orElse("plain").equals("sync"));
    }

    /** How many generators this workload has made: each phase's ops are numbered from its own base, so keys and values never repeat. */
    private final java.util.concurrent.atomic.AtomicLong phases = new java.util.concurrent.atomic.AtomicLong();

    @Override
    public Generator generator(TestSpec spec) {
        long seed = spec.seed();
        long base = phases.getAndIncrement() * PHASE_SPAN;
        return Gens.numberedOps("register ops", n -> op(seed, base + n));
    }

    /** Op n of the run: a pure function of (seed, n). */
    static Op op(long seed, long n) {
        long key = n / OPS_PER_KEY;
        long i = n % OPS_PER_KEY;
        if (i == 0) {
            return Op.invoke(0, "create", List.of(key, n));
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        int dice = r.nextInt(10);
        if (dice < 4) {
            return Op.invoke(0, "read", java.util.Arrays.asList(key, null));
        }
        long expected = dice < 8 ? -1 : r.nextLong(i / 2 + 1);
        return Op.invoke(0, "write", List.of(key, List.of(n, expected)));
    }

    @Override
    public List<RunChecker> checkers() {
        return RegisterCheckers.all();
    }

    @Override
    public String toString() {
        return name();
    }
}
