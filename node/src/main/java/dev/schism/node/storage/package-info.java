/**
 * Durable state of one server: the transaction log (segment files of CRC32C-checked records, fsynced in
 * groups before anything is acknowledged), snapshots of the data tree, and the two ZAB epoch files. On start
 * it recovers what was durable, truncating a torn tail and refusing to start, with file and byte offset, on
 * corruption anywhere else.
 */
package dev.schism.node.storage;
