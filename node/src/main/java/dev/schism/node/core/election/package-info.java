/**
 * FastLeaderElection: votes, their total order (peerEpoch, zxid, sid), notifications and the election
 * state machine with its rounds, finalizeWait, notification back-off and the out-of-election path by which
 * a late joiner follows an established leader. Pure logic: ticks and notifications in, notifications out.
 */
package dev.schism.node.core.election;
