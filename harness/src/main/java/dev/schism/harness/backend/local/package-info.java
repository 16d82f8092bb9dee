/**
 * The local backend: every node is a child JVM on 127.0.0.1 with its own zoo.cfg, data directory and log
 * in the run folder. Every directed node-to-node link and every client-to-node link passes through its own
 * Toxiproxy proxy: in node i's zoo.cfg, {@code server.j} is the proxy for the link i→j, because a node
 * sends to a peer only over connections it dials itself. Kill is SIGKILL, pause is SIGSTOP; everything is
 * stopped on close, on failure and from a shutdown hook.
 */
package dev.schism.harness.backend.local;
