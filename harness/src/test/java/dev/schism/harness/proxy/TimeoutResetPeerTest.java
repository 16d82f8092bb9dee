package dev.schism.harness.proxy;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** timeout (blackhole and idle close) and reset_peer (RST) over real sockets. */
class TimeoutResetPeerTest extends ProxyTestSupport {

    @Test
    void timeoutZeroBehindLatencyThenRemoveLatencyReturnsFast() throws Exception {
        Proxy p = echoProxy("blackhole");
        Socket s = connect(p);
        assertEcho(s, "warm");
        p.toxics().latency("lat", ToxicDirection.UPSTREAM, 1000);
        p.toxics().timeout("hole", ToxicDirection.UPSTREAM, 0);
        write(s, "dropped");
        long t0 = System.nanoTime();
        p.toxics().get("lat").remove();
        assertBetween(0, 2000, millisSince(t0), "removing latency in front of a blackhole");
        assertSilentFor(s, 200);
    }

    @Test
    void removingTimeoutClosesBothSockets() throws Exception {
        Proxy p = echoProxy("heal-closes");
        Socket s = connect(p);
        assertEcho(s, "warm");
        p.toxics().timeout("hole", ToxicDirection.UPSTREAM, 0);
        write(s, "lost");
        assertSilentFor(s, 150);
        p.toxics().get("hole").remove();
        assertClosedByPeer(s);
        await("upstream socket closed as well").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> echo.finished() >= 1);
        assertEquals(1, echo.finished(), "upstream socket closed as well");
    }

    @Test
    void resetClosesTimeoutConnections() throws Exception {
        Proxy p = echoProxy("reset-closes");
        p.toxics().timeout("hole", ToxicDirection.DOWNSTREAM, 0);
        Socket s = connect(p);
        write(s, "lost");
        assertSilentFor(s, 150);
        client.reset();
        assertClosedByPeer(s);
        assertEcho(connect(p), "healed");
    }

    @Test
    void timeoutToxicityZeroPassesThenUpdateClosesWithinTimeout() throws Exception {
        Proxy p = echoProxy("to");
        Socket s = connect(p);
        p.toxics().timeout("t", ToxicDirection.UPSTREAM, 0).setToxicity(0f);
        assertEcho(s, "passes");
        long t0 = System.nanoTime();
        p.toxics().get("t").setToxicity(1f);
        ((eu.rekawek.toxiproxy.model.toxic.Timeout) p.toxics().get("t")).setTimeout(100);
        assertClosedByPeer(s);
        assertBetween(90, 3000, millisSince(t0), "timeout 100 ms");
    }

    @Test
    void timeoutIsAnIdleTimeout() throws Exception {
        Proxy p = echoProxy("idle");
        // 1 s idle timeout, writes every 100 ms for 1.5 s: alive only because each write restarts the timer
        // (generous, so a loaded machine's late wake-up does not look like idleness).
        p.toxics().timeout("t", ToxicDirection.UPSTREAM, 1000);
        Socket s = connect(p);
        for (int i = 0; i < 15; i++) {
            write(s, "k");
            Thread.sleep(100);
        }
        assertSilentFor(s, 100);
        assertClosedByPeer(s);
    }

    @ParameterizedTest
    @CsvSource({"UPSTREAM,0", "UPSTREAM,100", "DOWNSTREAM,0", "DOWNSTREAM,100"})
    void resetPeerSendsRstAfterTimeout(ToxicDirection direction, long timeout) throws Exception {
        Proxy p = echoProxy("rst");
        p.toxics().resetPeer("reset", direction, timeout);
        Socket s = connect(p);
        long t0 = System.nanoTime();
        write(s, "boom");
        SocketException e = assertThrows(SocketException.class, () -> s.getInputStream().read());
        assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
        assertBetween(timeout, timeout + 2000, millisSince(t0), "reset_peer " + timeout + " ms");
    }

    @Test
    void resetPeerWithToxicityZeroStillTurnsClosesIntoRst() throws Exception {
        Proxy p = echoProxy("rst0");
        p.toxics().resetPeer("reset", ToxicDirection.DOWNSTREAM, 0).setToxicity(0f);
        Socket s = connect(p);
        assertEcho(s, "unaffected");
        p.disable();
        SocketException e = assertThrows(SocketException.class, () -> s.getInputStream().read());
        assertTrue(e.getMessage().toLowerCase().contains("reset"), e.getMessage());
    }

    @Test
    void idleConnectionWithResetPeerStaysUp() throws Exception {
        Proxy p = echoProxy("rst-idle");
        p.toxics().resetPeer("reset", ToxicDirection.UPSTREAM, 0);
        Socket s = connect(p);
        assertSilentFor(s, 300);
    }

    @Test
    void resetPeerAddedToLiveConnectionClosesWithoutRst() throws Exception {
        Proxy p = echoProxy("rst-live");
        Socket s = connect(p);
        assertEcho(s, "warm");
        p.toxics().resetPeer("reset", ToxicDirection.UPSTREAM, 0);
        write(s, "x");
        assertEquals(-1, s.getInputStream().read(), "no linger 0 was set at connect time, so the close is a FIN");
    }
}
