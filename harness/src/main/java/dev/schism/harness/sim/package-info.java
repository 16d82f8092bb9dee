/**
 * Exploration with the node's deterministic simulator: many seeds of the protocol core run in one JVM,
 * spread over worker threads, each checked by the simulator's safety checks. A failing seed is a complete
 * bug report: the same seed and schedule replay the identical run, and the schedule can be shrunk.
 */
package dev.schism.harness.sim;
