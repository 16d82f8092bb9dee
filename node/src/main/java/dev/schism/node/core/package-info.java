/**
 * The ensemble protocol as a pure state machine: FastLeaderElection and ZAB (discovery, synchronization,
 * broadcast). {@link dev.schism.node.core.Peer} takes messages, ticks and local events in and hands out a
 * {@link dev.schism.node.core.Ready} batch of actions; it never touches a socket, thread, file, clock or
 * random source, so the same code runs in the server process and in the deterministic simulator.
 */
package dev.schism.node.core;
