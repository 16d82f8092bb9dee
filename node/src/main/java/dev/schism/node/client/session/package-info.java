/**
 * Sessions as the client layer sees them: id and password generation, timeout negotiation, and the
 * leader's expiry bookkeeping. A session itself is replicated state in the data tree; only the leader
 * decides that one has expired (followers forward their clients' touches), and it does so by proposing
 * a closeSession txn that every replica applies.
 */
package dev.schism.node.client.session;
