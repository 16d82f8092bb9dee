/**
 * Tests and benchmarks of real server processes, and the one test fixture that starts an ensemble:
 * {@link dev.schism.node.process.Ensemble} writes zoo.cfg files with free ports, starts each server as its
 * own JVM, kills it with SIGKILL, restarts it, and always cleans up. It runs Schism's node or Apache
 * ZooKeeper's QuorumPeerMain alike, and the workloads module's tests use it too (through the node's
 * test-jar), so every test starts an ensemble the same way.
 */
package dev.schism.node.process;
