/**
 * The server program under test: the Schism node (the default) or a real Apache ZooKeeper release
 * ({@code zookeeper:<version>}), fetched from Maven Central into the local Maven repository and launched
 * as {@code QuorumPeerMain} with the same zoo.cfg. ZooKeeper writes no role journal, so a watcher derives
 * one, in the node's {@code events.jsonl} shape, from ZooKeeper's own log lines, {@code srvr} and the
 * {@code currentEpoch} file.
 */
package dev.schism.harness.sut;
