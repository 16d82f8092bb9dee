/**
 * Concrete workloads (election, register, set, latch) written against the ZooKeeper client API, and the
 * {@code mvn verify} chaos suites. A workload is a client, a generator and the checkers that judge it.
 */
package dev.schism.workloads;
