/**
 * Toxics: the fault behaviours that sit on one direction of a proxied connection. A {@link
 * dev.schism.harness.proxy.toxic.ToxicSpec} is the immutable API-visible description (type, stream, toxicity,
 * attributes); a {@link dev.schism.harness.proxy.toxic.Stage} is its running instance on one link, an
 * asynchronous, non-blocking step that receives chunks in order and forwards them to the next step. All stages of
 * a link run on that connection's event loop, so no stage ever blocks a thread or needs a lock.
 */
package dev.schism.harness.proxy.toxic;
