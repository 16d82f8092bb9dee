package dev.schism.harness.checker.linear;

import dev.schism.harness.checker.model.Model;
import dev.schism.harness.runner.RunChecker;
import dev.schism.harness.runner.RunData;
import dev.schism.results.verdict.CheckResult;

/**
 * The linearizability checker as a run checker, for workloads: checks the run's history against a model
 * and reports under the name {@code linearizability}. A history the model cannot read (an op it has no
 * operation for, a completion without an invoke) is UNKNOWN, naming the op.
 */
public final class LinearizabilityRunChecker implements RunChecker {
    private final Model<?> model;
    private final CheckOptions options;

    public LinearizabilityRunChecker(Model<?> model, CheckOptions options) {
        this.model = model;
        this.options = options;
    }

    @Override
    public CheckResult check(RunData data) {
        try {
            return LinearizabilityChecker.check(model, data.history(), options).toCheckResult();
        } catch (IllegalArgumentException e) {
            return CheckResult.unknown("linearizability", "cannot read the history as " + model.name() + " ops: "
                    + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "linearizability(" + model.name() + ", " + options + ")";
    }
}
