/**
 * The nightly chaos suite: every workload under every kind of fault on the correct node must end valid,
 * and each of the node's seeded bugs must be caught by the workload built to see it, naming the evidence.
 */
package dev.schism.workloads.nightly;
