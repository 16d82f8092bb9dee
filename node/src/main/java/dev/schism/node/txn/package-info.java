/**
 * The client layer's transaction encoding: how a client write, a session event or a leader decision is
 * carried inside a ZAB txn payload. Every replica decodes the same bytes and applies them to its data
 * tree with the same outcome, so the payload holds everything apply needs, including the origin
 * server's wall-clock time stamp.
 */
package dev.schism.node.txn;
