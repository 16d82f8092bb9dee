package dev.schism.harness.sim;

import dev.schism.harness.gen.Generator;
import dev.schism.harness.gen.Gens;
import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.node.sim.SimCluster;
import dev.schism.node.sim.SimSession;
import dev.schism.node.txn.Err;
import dev.schism.node.txn.OpCode;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.zookeeper.proto.CreateResponse;

/**
 * One simulated run's phases over one cluster: boot, setup, faults, heal, recovery, drain, final reads.
 * Where the ops go (a run folder's history.jsonl, or memory for {@code explore}) is the caller's choice.
 */
final class SimPhases {
    private static final long SECOND = 1_000_000_000L;

    private final TestSpec spec;
    private final Workload workload;
    private final SimOps ops;
    private final SimCluster cluster;
    private final SimHistory history;
    private final BiConsumer<Op, Op> faults;
    private final List<CheckResult> problems;
    private final PrintStream console;

    SimPhases(TestSpec spec, Workload workload, SimOps ops, SimCluster cluster, SimHistory history,
              BiConsumer<Op, Op> faults, List<CheckResult> problems, PrintStream console) {
        this.spec = spec;
        this.workload = workload;
        this.ops = ops;
        this.cluster = cluster;
        this.history = history;
        this.faults = faults;
        this.problems = problems;
        this.console = console;
    }

    void run() {
        if (!boot()) {
            return;
        }
        java.util.ArrayDeque<SimLoop.Done> completed = new java.util.ArrayDeque<>();
        List<SimWorker> workers = new ArrayList<>();
        for (int i = 0; i < spec.concurrency(); i++) {
            int thread = i;
            workers.add(new SimWorker(cluster, ops, 1 + i % spec.nodes(), false,
                    op -> completed.add(new SimLoop.Done(thread, op))));
        }
        SimTarget target = new SimTarget(cluster);
        NemesisPackages.Plan plan = NemesisPackages.build(spec.nemesis(), target.target(), spec.nemesisOptions());
        SimLoop loop = new SimLoop(cluster, workers, completed, plan.nemesis(), history, faults);
        long limit = (long) (spec.timeLimitSeconds() * SECOND);
        long spacing = (long) (SECOND / spec.rate());
        Generator clientOps = Gens.stagger(spacing, workload.generator(spec), spec.seed());
        loop.run(Gens.timeLimit(limit, Gens.clientsAndNemesis(clientOps, plan.generator())), loop.nowNanos() + limit + 30 * SECOND);
        loop.nemesisOps(plan.healOps());
        target.heal();
        if (spec.recoverySeconds() > 0) {
            long rec = (long) (spec.recoverySeconds() * SECOND);
            Generator recovery = Gens.clients(Gens.stagger(spacing, workload.generator(spec), spec.seed() + 1));
            loop.run(Gens.timeLimit(rec, recovery), loop.nowNanos() + rec + 10 * SECOND);
        }
        int open = loop.drain(10 * SECOND);
        if (open > 0) {
            console.println("schism: " + open + " ops never completed; they count as indeterminate");
        }
        workers.forEach(SimWorker::close);
        int missing = new SimFinalReads(workload, spec, ops, cluster, history).run(60 * SECOND);
        if (missing > 0) {
            problems.add(CheckResult.unknown("final-read", missing + " final read(s) never succeeded within 60 simulated s"));
        }
        if (!cluster.ownExits().isEmpty()) {
            // as on the other backends: a server that stops by itself is a finding even when no checker trips over it
            problems.add(CheckResult.unknown("nodes", String.join("; ", cluster.ownExits())));
        }
    }

    /** Ticks until a leader serves and the workload's parent znode exists; false (and a problem) if not. */
    private boolean boot() {
        SimSession s = null;
        boolean[] made = {false};
        boolean[] waiting = {false};
        long end = cluster.nowMs() + 60_000;
        while (!made[0] && cluster.nowMs() < end) {
            cluster.step();
            if (s == null || s.expired()) {
                s = cluster.openSession(1, SimWorker.SESSION_TIMEOUT_MS);
                waiting[0] = false;
            }
            if (cluster.leader() != 0 && !waiting[0] && !made[0]) {
                waiting[0] = true;
                s.submit(OpCode.CREATE, SimOps.create(ops.parent(), new byte[0]), CreateResponse::new, (err, r, z) -> {
                    waiting[0] = false;
                    made[0] |= err == Err.OK || err == Err.NODE_EXISTS;
                });
            }
        }
        if (s != null) {
            cluster.forget(s);
        }
        if (!made[0]) {
            problems.add(CheckResult.unknown("run", "the simulated ensemble did not elect a leader and create "
                    + ops.parent() + " within 60 simulated s"));
        }
        return made[0];
    }

    @Override
    public String toString() {
        return "SimPhases{" + spec + "}";
    }
}
