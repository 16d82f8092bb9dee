/**
 * A ZooKeeper release on the docker backend: an image {@code schism/zookeeper:<version>} built from the
 * release's resolved jars on the node image's base (a jlink runtime, no registry), configured from the same
 * {@code ZOO_*} variables as the official image, and the part of the cluster that derives each server's role
 * journal from its log, {@code srvr} and {@code currentEpoch}, read through a folder shared with the container.
 */
package dev.schism.harness.sut.docker;
