package dev.schism.harness.proxy;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** §4 data-path checklist: echo, upstream down, enable/disable, listen changes, half-close, many connections. */
class DataPathTest extends ProxyTestSupport {

    @Test
    void echoesSmallLargeAndTwoPartMessages() throws Exception {
        Proxy p = echoProxy("echo");
        Socket s = connect(p);
        assertEcho(s, "hello world");
        byte[] big = new byte[100 * 1024];
        new Random(1).nextBytes(big);
        s.getOutputStream().write(big);
        assertArrayEquals(big, s.getInputStream().readNBytes(big.length));
        write(s, "hello ");
        write(s, "world");
        assertEquals("hello world", read(s, 11));
    }

    @Test
    void upstreamDownGivesEofNotRefusal() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = probe.getLocalPort();
        }
        Proxy p = client.createProxy("dead", "127.0.0.1:0", "127.0.0.1:" + deadPort);
        Socket s = connect(p);
        assertClosedByPeer(s);
    }

    @Test
    void disableClosesExistingAndRefusesNewThenEnableWorks() throws Exception {
        Proxy p = echoProxy("toggle");
        int port = port(p);
        Socket open = connect(port);
        assertEcho(open, "x");
        p.disable();
        assertClosedByPeer(open);
        assertRefused(port);
        p.disable();
        p.enable();
        p.enable();
        assertEcho(connect(port), "back");
    }

    @Test
    void clientHalfCloseClosesBothDirections() throws Exception {
        Proxy p = echoProxy("half");
        Socket s = connect(p);
        assertEcho(s, "ping");
        s.shutdownOutput();
        assertClosedByPeer(s);
        await("the upstream socket was closed too").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> echo.finished() >= 1);
        assertEquals(1, echo.finished(), "the upstream socket was closed too");
    }

    @Test
    void handshakeSucceedsDuringTimeoutAndBandwidthZero() throws Exception {
        Proxy p = echoProxy("faulty");
        p.toxics().timeout("blackhole", ToxicDirection.UPSTREAM, 0);
        p.toxics().bandwidth("stall", ToxicDirection.DOWNSTREAM, 0);
        Socket s = connect(p);
        write(s, "lost");
        assertSilentFor(s, 200);
    }

    @Test
    void hundredsOfConcurrentConnections() throws Exception {
        Proxy p = echoProxy("many");
        List<Socket> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(connect(p));
        }
        for (int i = 0; i < all.size(); i++) {
            write(all.get(i), "m" + i + ";");
        }
        for (int i = 0; i < all.size(); i++) {
            String want = "m" + i + ";";
            assertEquals(want, read(all.get(i), want.length()));
        }
        assertEquals(300, echo.accepted());
    }

    @Test
    void closingTheServerClosesEverything() throws Exception {
        assumeEmbedded();
        Proxy p = echoProxy("closing");
        int port = port(p);
        Socket s = connect(port);
        assertEcho(s, "x");
        server.close();
        server.close();
        assertClosedByPeer(s);
        assertRefused(port);
    }

    @Test
    void connectionsBeforeAToxicAreAffectedByIt() throws Exception {
        Proxy p = echoProxy("live");
        Socket s = connect(p);
        assertEcho(s, "a");
        p.toxics().limitData("limit", ToxicDirection.DOWNSTREAM, 10);
        write(s, "0123456789ABCDEFGHIJ");
        InputStream in = s.getInputStream();
        assertEquals("0123456789", new String(in.readNBytes(10)));
        assertClosedByPeer(s);
    }

    @Test
    void bytesSentRightAfterConnectAndCloseReachTheUpstream() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Proxy p = client.createProxy("early", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            for (int i = 0; i < 20; i++) {
                Socket s = connect(p);
                write(s, "early-" + i);
                s.shutdownOutput();
                try (Socket srv = upstream.accept()) {
                    srv.setSoTimeout(5000);
                    assertEquals("early-" + i, new String(srv.getInputStream().readAllBytes()));
                }
            }
        }
    }

    @Test
    void readsAfterPeerWritesAndCloses() throws IOException {
        try (ServerSocket oneShot = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Proxy p = client.createProxy("oneshot", "127.0.0.1:0", "127.0.0.1:" + oneShot.getLocalPort());
            Socket s = connect(p);
            try (Socket upstream = oneShot.accept()) {
                upstream.getOutputStream().write("bye".getBytes());
            }
            assertEquals("bye", read(s, 3));
            assertClosedByPeer(s);
        }
    }
}
