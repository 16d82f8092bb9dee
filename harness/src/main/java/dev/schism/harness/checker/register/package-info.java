/**
 * Checkers for the register workload that judge ZooKeeper by what ZooKeeper promises: writes (create,
 * setData, conditional setData) are linearizable; reads are sequentially consistent — a session never
 * reads a state older than one it has already seen, its own writes included — and a read after
 * {@code sync} sees every write acknowledged before the sync, up to a stated staleness bound. The zxids
 * and versions the server returns make the read checks linear-time.
 */
package dev.schism.harness.checker.register;
