/**
 * Tests of {@code schism run --backend sim} with the real workloads: the simulated ensemble judged by the
 * same checkers as the process and container backends, fast enough to be unit tests.
 */
package dev.schism.workloads.sim;
