/**
 * The chaos suites on the docker backend: the same workloads, nemeses and checkers as on local processes,
 * with every node in a container behind a proxy container. They show that a correct node stays valid there
 * and that the seeded split brain is still caught; without an engine they are skipped loudly.
 */
package dev.schism.workloads.docker;
