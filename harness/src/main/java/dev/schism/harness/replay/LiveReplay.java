package dev.schism.harness.replay;

import dev.schism.harness.nemesis.NemesisPackages;
import dev.schism.harness.runner.Runner;
import dev.schism.harness.runner.TestSpec;
import dev.schism.harness.runner.Workload;
import dev.schism.results.store.RunFolder;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.ResultsJson;
import dev.schism.results.verdict.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Replays a stored run of a real backend: the same test (workload, generator, seed, nodes, backend) with
 * the recorded fault schedule in place of the nemesis generator, then compares verdicts and fault ops.
 */
public final class LiveReplay {

    /** What a replay did: the new run, the original's verdict (empty if it has no results.json) and how the faults matched. */
    public record Result(Runner.Outcome outcome, Optional<Verdict> then, ScheduleMatch match) {
        @Override
        public String toString() {
            return "replay{then " + then.map(Verdict::toString).orElse("?") + ", now " + outcome.verdict() + ", " + match + "}";
        }
    }

    /** What a stored run recorded: its fault schedule and its verdict (empty if it has no results.json). */
    public record Recorded(FaultSchedule schedule, Optional<Verdict> verdict) {
        @Override
        public String toString() {
            return "recorded{" + schedule + ", " + verdict.map(Verdict::toString).orElse("no verdict") + "}";
        }
    }

    private LiveReplay() {
    }

    /** Reads what a replay needs from a stored run before anything starts; a damaged file is an error naming it. */
    public static Recorded recorded(RunFolder original) throws IOException {
        FaultSchedule schedule = schedule(original);
        Optional<Verdict> then = Files.exists(original.results())
                ? Optional.of(CheckResult.compose(ResultsJson.read(original.results()))) : Optional.empty();
        return new Recorded(schedule, then);
    }

    /** The line a replay of a real backend starts with: what it repeats and what it cannot. */
    public static String bestEffort(TestSpec spec) {
        return "schism: replaying a --backend " + spec.backend() + " run is best effort: the same test and seed, with its recorded"
                + " faults issued at their recorded offsets and targets; client timing and thread interleaving are not"
                + " reproducible, and node ports and process ids differ";
    }

    /** The schedule of a stored run (none if it has no faults.jsonl: a run without nemesis). */
    public static FaultSchedule schedule(RunFolder folder) throws IOException {
        if (!Files.exists(folder.faults())) {
            return new FaultSchedule(folder.faults(), List.of());
        }
        if (!Files.exists(folder.history())) {
            throw new IOException(folder.history() + ": missing, so the recorded faults cannot be timed");
        }
        return FaultScheduleReader.read(folder.faults(), folder.history());
    }

    /** Runs {@code spec} again on {@code runner} with the recorded fault schedule. */
    public static Result run(Recorded original, TestSpec spec, Workload workload, Path store, Runner runner) throws IOException {
        FaultSchedule recorded = original.schedule();
        long limit = (long) (spec.timeLimitSeconds() * 1e9);
        runner.withNemesisOverride((plan, target) -> new NemesisPackages.Plan(new RecordedNemesis(target, plan.nemesis()),
                ScheduleGenerator.of(recorded.mainPhase(limit, plan.healOps().stream().map(dev.schism.results.history.Op::f).toList())),
                plan.packages()));
        Runner.Outcome now = runner.run(spec, workload, store);
        FaultSchedule replayed = schedule(now.folder());
        return new Result(now, original.verdict(), ScheduleMatch.of(recorded.faults(), replayed.faults()));
    }
}
