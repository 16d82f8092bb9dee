/**
 * Schism's embedded fault proxy: a server with the HTTP API and behaviour of Toxiproxy 2.12.0, so the harness drives
 * it only through toxiproxy-java and the real Toxiproxy stays a drop-in. The public API is
 * {@link dev.schism.harness.proxy.ToxiproxyServer} alone ({@code start(host, port[, seed])}, {@code apiHost()},
 * {@code apiPort()}, {@code populate(configFile)}, {@code close()}); the sub-packages are its internals: {@code api}
 * (HTTP), {@code core} (proxies and their operations), {@code link} (the Netty data path) and {@code toxic} (the fault
 * behaviours). Unlike the real one, healing (removing a toxic, /reset) never waits on a peer that does not read.
 */
package dev.schism.harness.proxy;
