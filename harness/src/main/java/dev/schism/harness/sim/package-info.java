/**
 * The node's deterministic simulator seen from the harness. {@code --backend sim} runs a whole workload (its
 * generator, the nemesis packages, its checkers, the usual run folder) against simulated servers and sessions
 * in one thread and simulated time. Exploration runs many seeds across worker threads: of the protocol core
 * alone, or of a workload checked in memory without a run folder. Either way a seed is a complete bug report:
 * it replays the identical run.
 */
package dev.schism.harness.sim;
