/**
 * The proxies as the API sees them: a {@link dev.schism.harness.proxy.core.ProxyRegistry} of named
 * {@link dev.schism.harness.proxy.core.Proxy} objects, each with its listen and upstream address, enabled flag,
 * toxics per direction and live connections. Every operation of the Toxiproxy HTTP API is one method here, with
 * Toxiproxy's validation order and error texts; failures are {@link dev.schism.harness.proxy.core.ProxyException}s
 * carrying the HTTP status. Changes reach live connections on their event loops with a bounded wait, so no
 * operation ever blocks on a peer that does not read.
 */
package dev.schism.harness.proxy.core;
