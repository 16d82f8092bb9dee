/**
 * The set workload: clients add unique elements, each one ZooKeeper create of a child under one parent
 * znode, through every server; at the end every server is read on its own ({@code sync}, then
 * {@code getChildren}) and the set checker demands each acknowledged add on every server.
 */
package dev.schism.workloads.set;
