/**
 * The quorum transport: how servers of an ensemble exchange election notifications and ZAB packets over
 * TCP. Every directed link is its own one-way stream (a server sends only on connections it dialled and
 * receives only on connections it accepted), so a fault proxy on each directed link sees exactly one
 * direction of traffic. Frames carry a magic, a length and a CRC32C; a frame that does not check out closes
 * its connection and the sender redials.
 */
package dev.schism.node.net;
