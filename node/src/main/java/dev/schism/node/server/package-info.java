/**
 * The server shell around the protocol core: one core thread owns the {@code Peer}, the data tree and the
 * order of storage operations; it ticks on an injectable monotonic clock, executes each {@code Ready} batch
 * in the documented order (epochs, snapshot, truncation, log append with group commit, sends held until
 * the log is durable, apply, role changes) and journals every role change to {@code events.jsonl}.
 */
package dev.schism.node.server;
