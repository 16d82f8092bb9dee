/**
 * Big-endian byte layouts for the hot encode and decode paths (peer messages, replicated txns). They write
 * exactly what {@code DataOutputStream} writes and read what {@code DataInputStream} reads, but without a
 * lock per write, a stream object per message or a copy when the size is known, because the simulator
 * encodes and decodes every peer message of thousands of runs a minute.
 */
package dev.schism.node.bytes;
