/**
 * Watches: the one-shot data/exist and child watches each client connection has set on paths, and which
 * of them a committed change (or a SetWatches replay) fires. Exists and getData watches share the data
 * table, as in ZooKeeper, so a connection gets at most one event per change.
 */
package dev.schism.node.client.watch;
