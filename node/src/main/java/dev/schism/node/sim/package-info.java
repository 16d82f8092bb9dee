/**
 * Deterministic simulation of whole ensembles of protocol cores in one thread: a fault schedule (partitions,
 * crashes, power losses that lose un-fsynced appends, restarts, client writes) over seeded noise (loss,
 * duplication, delay, paused clocks); a checker of ZAB's safety properties after every action and a liveness
 * check once everything heals. A seed and its schedule replay the identical run (a hash covers every event),
 * and {@link dev.schism.node.sim.Shrinker} cuts a failing schedule down to the faults that matter.
 */
package dev.schism.node.sim;
