/**
 * Deterministic simulation of whole ensembles in one thread. {@link dev.schism.node.sim.Simulation} runs
 * protocol cores under a fault schedule (partitions, crashes, power losses that lose un-fsynced appends,
 * restarts, client writes) over seeded noise, checks ZAB's safety after every action, and shrinks a failing
 * schedule. {@link dev.schism.node.sim.SimCluster} runs whole servers (core, data tree, sessions, client
 * request path) with simulated clients that behave like the official ZooKeeper client. A seed replays the
 * identical run.
 */
package dev.schism.node.sim;
