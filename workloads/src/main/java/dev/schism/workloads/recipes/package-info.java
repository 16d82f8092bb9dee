/**
 * Coordination recipes written against the plain ZooKeeper client, as applications write them. The seed
 * recipe is leader election by ephemeral sequential znodes: the lowest sequence number leads and each
 * other candidate watches only its immediate predecessor, so a leader's death wakes exactly one successor.
 */
package dev.schism.workloads.recipes;
