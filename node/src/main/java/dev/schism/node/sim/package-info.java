/**
 * Deterministic simulation of whole ensembles of protocol cores in one thread: a seeded network that
 * loses, duplicates, delays and partitions; disks whose un-fsynced appends vanish on a crash; crashes,
 * power losses and paused clocks; a checker of ZAB's safety properties after every action and a liveness
 * check once everything heals. A failing seed replays exactly and is printed with its last events.
 */
package dev.schism.node.sim;
