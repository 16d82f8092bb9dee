/**
 * Tests and benchmarks of real server processes: {@link dev.schism.node.process.Ensemble} writes zoo.cfg
 * files with free ports, starts each server as its own JVM, kills it with SIGKILL, restarts it, and always
 * cleans up. The same fixture runs Apache ZooKeeper's QuorumPeerMain, so the benchmark can measure both.
 */
package dev.schism.node.process;
