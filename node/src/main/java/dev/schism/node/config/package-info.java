/**
 * The server's configuration: a subset of ZooKeeper's {@code zoo.cfg} syntax plus the {@code myid} file in
 * the data directory. Parsing is strict about the keys it understands (every error names the file and line)
 * and tolerant of the many keys real zoo.cfg files carry that Schism does not use (kept, warned about once).
 */
package dev.schism.node.config;
