/**
 * The replicated data tree: znodes with data, stat and children, and the deterministic application of
 * committed transactions to it. Every server applies the same txns in zxid order and so computes the same
 * results (including errors such as BadVersion, which consume a zxid as in ZooKeeper).
 */
package dev.schism.node.tree;
