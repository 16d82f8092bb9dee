/**
 * What every ZooKeeper workload shares: a client session to one server that is re-created after expiry,
 * and the translation of an asynchronous call's outcome into a history completion — ok with what the
 * server returned, fail only for a definite rejection, info for anything that leaves the effect in doubt
 * (lost connection, expired session, no answer in time).
 */
package dev.schism.workloads.zk;
