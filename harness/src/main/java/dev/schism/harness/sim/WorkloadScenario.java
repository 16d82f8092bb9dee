package dev.schism.harness.sim;

import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.harness.runner.Workloads;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one explored seed of a workload runs: the test {@code template} with that seed, simulated whole
 * ({@link SimRunner#check}: no run folder). Each seed gets its own instance of the workload, as each
 * {@code schism run} does: a workload numbers its generators' values per instance, so a shared one would make
 * a seed's history depend on the seeds run before it. {@link #replayCommand} is the
 * {@code schism run --backend sim} line that runs exactly this test again and writes its run folder and report.
 */
public record WorkloadScenario(TestSpec template, Workload workload) {
    /** A seed whose run was not VALID: the verdict and the first checker that says so. */
    public record Failure(long seed, Verdict verdict, CheckResult evidence) {
        @Override
        public String toString() {
            return "seed " + seed + " " + verdict + ": " + evidence;
        }
    }

    public WorkloadScenario(TestSpec template) {
        this(template, Workloads.find(template.workload()));
    }

    public WorkloadScenario {
        if (!SimBackend.NAME.equals(template.backend())) {
            throw new IllegalArgumentException("explore runs workloads on --backend sim only, not " + template.backend());
        }
        // Refused here, in one line, rather than by every seed on a worker thread.
        workload.validate(template);
        SimOps.forWorkload(workload.name(), template);
        SimRunner.refuseUnsupported(template);
        template.injectBug().ifPresent(b -> new dev.schism.node.sim.SimOptions(template.nodes(), 0, 0, b));
    }

    public TestSpec spec(long seed) {
        TestSpec t = template;
        return new TestSpec(t.name(), t.workload(), t.nemesis(), t.nodes(), t.timeLimitSeconds(), t.concurrency(), t.rate(),
                seed, t.backend(), t.injectBug(), t.toxiproxy(), t.nemesisIntervalSeconds(), t.partitionModes(),
                t.partitionLinks(), t.recoverySeconds(), t.reads(), t.target());
    }

    /** Runs the seed; its failure, or null if every checker said VALID. */
    public Failure run(long seed) {
        List<CheckResult> results = SimRunner.check(spec(seed), fresh(workload));
        Verdict v = CheckResult.compose(results);
        if (v == Verdict.VALID) {
            return null;
        }
        CheckResult first = results.stream().filter(r -> r.verdict() == v).findFirst().orElseThrow();
        return new Failure(seed, v, first);
    }

    /** A new instance of the workload's class, as the service loader makes (its public no-argument constructor). */
    private static Workload fresh(Workload w) {
        try {
            return w.getClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("workload " + w.name() + " cannot be instantiated again: " + e, e);
        }
    }

    /** {@code schism run --backend sim ...} with every option that shapes the run, so it replays this seed. */
    public String replayCommand(long seed) {
        TestSpec t = template;
        List<String> a = new ArrayList<>(List.of("schism", "run", "--backend", "sim", "--workload", t.workload(),
                "--nemesis", t.nemesis().isEmpty() ? "none" : String.join(",", t.nemesis()),
                "--nodes", String.valueOf(t.nodes()), "--time-limit", num(t.timeLimitSeconds()),
                "--recovery", num(t.recoverySeconds()), "--concurrency", String.valueOf(t.concurrency()),
                "--rate", num(t.rate()), "--nemesis-interval", num(t.nemesisIntervalSeconds())));
        String modes = String.join(",", t.partitionModes().stream().map(m -> m.wire()).toList());
        if (!modes.equals("drop,stall,refuse")) {
            a.addAll(List.of("--partition-mode", modes));
        }
        String links = String.join(",", t.partitionLinks());
        if (!links.equals("all,quorum")) {
            a.addAll(List.of("--partition-links", links));
        }
        t.reads().ifPresent(r -> a.addAll(List.of("--reads", r)));
        t.injectBug().ifPresent(b -> a.addAll(List.of("--inject-bug", b)));
        a.addAll(List.of("--seed", String.valueOf(seed)));
        return String.join(" ", a);
    }

    /** 25 rather than 25.0, so the command reads as typed. */
    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    @Override
    public String toString() {
        return "WorkloadScenario{" + template + "}";
    }
}
