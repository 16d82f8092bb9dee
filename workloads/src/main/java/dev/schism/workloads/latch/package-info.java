/**
 * The latch workload: on every server one Apache Curator {@code LeaderLatch} client and one client of the
 * seed recipe ({@link dev.schism.workloads.recipes.SequentialElection}) compete for leadership, each in
 * its own election, and each client records in the history when it comes to believe it leads and when it
 * stops. The latch checker then looks for two clients of one election that believed it at once.
 */
package dev.schism.workloads.latch;
