/**
 * The register workload: independent keys (a fresh znode every few dozen ops, as Jepsen's
 * {@code independent}), each read with getData, written with {@code setData(-1)} and compare-and-set
 * with {@code setData(expectedVersion)}, as ZooKeeper users write them. Every ok op records the zxid and
 * version the server returned and the session that made it, which the register checkers judge.
 */
package dev.schism.workloads.register;
