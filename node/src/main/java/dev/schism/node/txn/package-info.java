/**
 * The client layer's transaction encoding: how a client write, a session event or a leader decision is
 * carried inside a ZAB txn payload. Every replica decodes the same bytes and applies them to its data
 * tree with the same outcome, so the payload holds everything apply needs, including the origin
 * server's wall-clock time stamp. {@link dev.schism.node.txn.RequestRecords} is the one table of which jute record
 * a client op's body holds, shared by the client port's decoder and by apply.
 */
package dev.schism.node.txn;
