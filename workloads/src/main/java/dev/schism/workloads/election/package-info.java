/**
 * The election workload: clients keep overwriting one znode through every server with the official
 * ZooKeeper client; each acknowledged write records the zxid the server returned (mzxid of the Stat, epoch
 * = zxid >>> 32) and the server that took it. With the nodes' role journals this is what the election
 * checker needs to see two leaders in one epoch.
 */
package dev.schism.workloads.election;
