/**
 * The runner: turns a {@link dev.schism.harness.runner.TestSpec} into a run. It creates the run folder,
 * starts the backend, drives one worker thread per client plus the nemesis thread from the generator
 * (the {@link dev.schism.harness.runner.Interpreter}), appends every op to the history as it happens,
 * always heals at the end, collects the nodes' role journals, and runs the workload's checkers. Workloads
 * plug in through {@link dev.schism.harness.runner.Workload}, found by {@link java.util.ServiceLoader}.
 */
package dev.schism.harness.runner;
