/**
 * The node's deterministic simulator seen from the harness. Exploration runs many seeds of the protocol core
 * across worker threads; {@code --backend sim} runs a whole workload (its generator, the nemesis packages,
 * its checkers, the usual run folder) against simulated servers and sessions in one thread and simulated
 * time. Either way a seed is a complete bug report: it replays the identical run.
 */
package dev.schism.harness.sim;
