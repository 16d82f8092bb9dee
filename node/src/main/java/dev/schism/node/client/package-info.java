/**
 * The ZooKeeper client port: jute framing, sessions, the request pipeline (reads served locally, writes
 * proposed through ZAB, replies in request order), watches, and the four-letter admin words.
 */
package dev.schism.node.client;
