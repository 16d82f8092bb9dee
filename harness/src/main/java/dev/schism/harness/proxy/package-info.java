/**
 * Schism's embedded fault proxy: a server with the HTTP API and behaviour of Toxiproxy 2.12.0, so the harness drives
 * it only through toxiproxy-java and the real Toxiproxy stays a drop-in. The public API is
 * {@link dev.schism.harness.proxy.ToxiproxyServer} alone ({@code start(host, port[, seed])}, {@code apiHost()},
 * {@code apiPort()}, {@code populate(configFile)}, {@code close()}); the sub-packages are its internals: {@code api}
 * (HTTP), {@code core} (proxies and their operations), {@code link} (the Netty data path) and {@code toxic} (the fault
 * behaviours).
 *
 * <p>Deliberate differences from the real server, none visible to a correct client: healing (removing a toxic,
 * /reset, disable) never waits on a peer that does not read, where Toxiproxy can block its API for 25 s; the
 * upstream is dialed asynchronously, so a blackholed upstream does not stall other accepts; reads are up to 256 KB
 * rather than 32 KB; a slicer with average size 0 or less passes data through instead of looping forever; and
 * /metrics answers 404, as the real server does without its metrics flags.
 */
package dev.schism.harness.proxy;
