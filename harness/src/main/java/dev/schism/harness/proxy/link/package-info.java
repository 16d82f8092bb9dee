/**
 * The data path of one proxy: a {@link dev.schism.harness.proxy.link.Listener} accepts client connections and dials
 * the upstream; each {@link dev.schism.harness.proxy.link.Connection} is two one-way
 * {@link dev.schism.harness.proxy.link.Link}s (upstream: client to server, downstream: server to client), each a chain
 * of toxic stages ending in a writer. A link runs on the event loop of the socket it reads (by default both sockets
 * of a connection share one), so a connection costs no thread and its toxics need no locks; back-pressure is TCP
 * flow control (a link stops reading while anything downstream of it is full).
 */
package dev.schism.harness.proxy.link;
