/**
 * The server shell around the replication protocol: one core thread owns the protocol (the core's quorum
 * {@code Peer}, or a standalone log for a one-server config), the data tree and the order of storage
 * operations; it ticks on an injectable monotonic clock, executes each {@code Ready} batch in the
 * documented order (epochs, snapshot, truncation, log append with group commit, sends, apply, role changes)
 * and journals every role change to {@code events.jsonl}.
 */
package dev.schism.node.server;
