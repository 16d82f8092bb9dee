/**
 * The ensemble protocol as a pure state machine: FastLeaderElection ({@code core.election}) and ZAB
 * discovery, synchronization and broadcast ({@code core.zab}). {@link dev.schism.node.core.Peer} takes
 * messages, ticks and local events in and hands out {@link dev.schism.node.core.Ready} batches of actions;
 * it never touches a socket, thread, file, clock or random source, so the same code runs in the server
 * process and in the deterministic simulator.
 */
package dev.schism.node.core;
