package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** slicer and limit_data over real sockets. */
class SlicerLimitDataTest extends ProxyTestSupport {

    @Test
    void slicerCutsIntoSingleBytesWithDelay() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Proxy p = client.createProxy("slice", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            p.toxics().slicer("sl", ToxicDirection.UPSTREAM, 1, 0).setDelay(20_000);
            Socket s = connect(p);
            try (Socket srv = upstream.accept()) {
                srv.setSoTimeout(5000);
                long t0 = System.nanoTime();
                write(s, "abcdefghijklmnopqrstuvwx");
                InputStream in = srv.getInputStream();
                byte[] buf = new byte[64];
                int reads = 0;
                StringBuilder got = new StringBuilder();
                while (got.length() < 24) {
                    int n = in.read(buf);
                    got.append(new String(buf, 0, n));
                    reads++;
                }
                assertEquals("abcdefghijklmnopqrstuvwx", got.toString());
                long ms = millisSince(t0);
                // Pieces are paced 20 ms apart; a reader starved by a busy machine may still merge a few of them.
                assertTrue(ms >= 440, "24 pieces 20 ms apart took only " + ms + " ms");
                assertTrue(reads >= 4, "the pieces arrive as separate reads, got " + reads);
            }
        }
    }

    @Test
    void slicerKeepsBytesIntact() throws Exception {
        Proxy p = echoProxy("slice-big");
        p.toxics().slicer("sl", ToxicDirection.DOWNSTREAM, 1024, 512).setDelay(10);
        Socket s = connect(p);
        byte[] data = new byte[480 * 1000];
        new Random(5).nextBytes(data);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                s.getOutputStream().write(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertArrayEquals(data, s.getInputStream().readNBytes(data.length));
        writer.get(10, TimeUnit.SECONDS);
    }

    /** limit_data 100 on the upstream of a proxy in front of a recording server: what the server gets. */
    private String limitCase(String name, int... writes) throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Proxy p = client.createProxy(name, "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            p.toxics().limitData("limit", ToxicDirection.UPSTREAM, 100);
            Socket s = connect(p);
            try (Socket srv = upstream.accept()) {
                srv.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                for (int w : writes) {
                    out.write(new byte[w]);
                    out.flush();
                    Thread.sleep(20);
                }
                int total = srv.getInputStream().readAllBytes().length;
                return total + " then EOF";
            } finally {
                p.delete();
            }
        }
    }

    @Test
    void limitDataCases() throws Exception {
        assertEquals("100 then EOF", limitCase("l100", 100));
        assertEquals("100 then EOF", limitCase("l150", 150));
        assertEquals("100 then EOF", limitCase("l25x4", 25, 25, 25, 25));
        assertEquals("100 then EOF", limitCase("l90p20", 90, 20));
    }

    @Test
    void limitDataBelowLimitPassesAndStaysOpen() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Proxy p = client.createProxy("l50", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            p.toxics().limitData("limit", ToxicDirection.UPSTREAM, 100);
            Socket s = connect(p);
            try (Socket srv = upstream.accept()) {
                s.getOutputStream().write(new byte[50]);
                assertEquals(50, srv.getInputStream().readNBytes(50).length);
                assertSilentFor(srv, 200);
                p.toxics().get("limit").setToxicity(1.0f);
                s.getOutputStream().write(new byte[60]);
                srv.setSoTimeout(5000);
                assertEquals(50, srv.getInputStream().readAllBytes().length, "count kept across the update");
            }
        }
    }

    @Test
    void limitDataZeroClosesOnFirstDataButNotWhileIdle() throws Exception {
        Proxy p = echoProxy("l0");
        p.toxics().limitData("limit", ToxicDirection.UPSTREAM, 0);
        Socket s = connect(p);
        assertSilentFor(s, 200);
        write(s, "x");
        assertClosedByPeer(s);
    }
}
