/**
 * ZAB after the election: the leader's discovery, per-learner sync (DIFF / TRUNC / SNAP) and broadcast,
 * the learner's mirror image, the quorum-port packets they exchange, and the replica state (epochs, the
 * in-memory log tail, durable and committed points) both sides work on. Every packet carries its epoch
 * and acks and commits are cumulative, so loss, duplication and reordering only cost time.
 */
package dev.schism.node.core.zab;
