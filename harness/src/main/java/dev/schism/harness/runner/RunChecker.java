package dev.schism.harness.runner;

import dev.schism.results.verdict.CheckResult;

/** A pure function of a run's data to a verdict with evidence. */
@FunctionalInterface
public interface RunChecker {
    CheckResult check(RunData data);
}
