package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Latency and bandwidth toxics over real sockets; timing bounds are generous for a loaded 2-core machine. */
class LatencyBandwidthTest extends ProxyTestSupport {

    private long rttMillis(Socket s) throws Exception {
        long t0 = System.nanoTime();
        assertEcho(s, "p");
        return millisSince(t0);
    }

    @Test
    void latencyPerDirectionAddsUp() throws Exception {
        Proxy p = echoProxy("lat");
        Socket s = connect(p);
        assertEcho(s, "warm");
        p.toxics().latency("up", ToxicDirection.UPSTREAM, 100);
        assertBetween(95, 1000, rttMillis(s), "upstream 100 ms");
        p.toxics().get("up").remove();
        p.toxics().latency("down", ToxicDirection.DOWNSTREAM, 100);
        assertBetween(95, 1000, rttMillis(s), "downstream 100 ms");
        p.toxics().latency("up", ToxicDirection.UPSTREAM, 100);
        assertBetween(195, 1100, rttMillis(s), "both 100 ms");
        p.toxics().get("up").remove();
        p.toxics().get("down").remove();
        p.toxics().latency("zero", ToxicDirection.DOWNSTREAM, 0);
        assertBetween(0, 300, rttMillis(s), "latency 0");
    }

    @Test
    void upstreamLatencyDelaysWhatTheServerReads() throws Exception {
        try (ServerSocket upstream = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Proxy p = client.createProxy("oneway", "127.0.0.1:0", "127.0.0.1:" + upstream.getLocalPort());
            p.toxics().latency("up", ToxicDirection.UPSTREAM, 150).setJitter(20);
            Socket s = connect(p);
            try (Socket srv = upstream.accept()) {
                long t0 = System.nanoTime();
                write(s, "z");
                assertEquals('z', srv.getInputStream().read());
                assertBetween(125, 1000, millisSince(t0), "server read with 150±20 ms upstream latency");
                long t1 = System.nanoTime();
                srv.getOutputStream().write('y');
                assertEquals('y', s.getInputStream().read());
                assertBetween(0, 120, millisSince(t1), "downstream has no latency");
            }
        }
    }

    @Test
    void chainedLatenciesAdd() throws Exception {
        Proxy p = echoProxy("chain");
        p.toxics().latency("first", ToxicDirection.DOWNSTREAM, 500);
        p.toxics().latency("second", ToxicDirection.DOWNSTREAM, 500);
        Socket s = connect(p);
        assertBetween(990, 3000, rttMillis(s), "two chained 500 ms latencies");
    }

    @Test
    void latencyDoesNotLimitThroughput() throws Exception {
        Proxy p = echoProxy("tput");
        p.toxics().latency("down", ToxicDirection.DOWNSTREAM, 100);
        Socket s = connect(p);
        byte[] block = new byte[12 * 1024];
        new Random(7).nextBytes(block);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 100; i++) {
                    s.getOutputStream().write(block);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long t0 = System.nanoTime();
        InputStream in = s.getInputStream();
        for (int i = 0; i < 100; i++) {
            assertArrayEquals(block, in.readNBytes(block.length));
        }
        writer.get(5, TimeUnit.SECONDS);
        assertBetween(95, 5000, millisSince(t0), "100 x 12 KB under 100 ms latency (not 100 x 100 ms)");
    }

    @Test
    void bandwidthLimitsRateAndKeepsBytes() throws Exception {
        Proxy p = echoProxy("bw");
        Socket s = connect(p);
        assertEcho(s, "warm");
        p.toxics().bandwidth("up", ToxicDirection.UPSTREAM, 1000);
        byte[] data = new byte[480 * 1000];
        new Random(3).nextBytes(data);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                s.getOutputStream().write(data);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long t0 = System.nanoTime();
        byte[] got = s.getInputStream().readNBytes(data.length);
        long ms = millisSince(t0);
        writer.get(5, TimeUnit.SECONDS);
        assertArrayEquals(data, got);
        assertBetween(440, 2500, ms, "480 KB at 1000 KB/s");
    }

    @Test
    void bandwidthZeroStallsThenDeliversOnRemove() throws Exception {
        Proxy p = echoProxy("stall");
        Socket s = connect(p);
        assertEcho(s, "warm");
        p.toxics().bandwidth("cut_up", ToxicDirection.UPSTREAM, 0);
        p.toxics().bandwidth("cut_down", ToxicDirection.DOWNSTREAM, 0);
        write(s, "held");
        assertSilentFor(s, 300);
        long t0 = System.nanoTime();
        p.toxics().get("cut_up").remove();
        p.toxics().get("cut_down").remove();
        assertBetween(0, 2000, millisSince(t0), "removing the stall");
        assertEquals("held", read(s, 4));
        assertEcho(s, "flowing");
    }

    @Test
    void slowCloseDelaysTheClose() throws Exception {
        Proxy p = echoProxy("slowclose");
        p.toxics().slowClose("sc", ToxicDirection.DOWNSTREAM, 300);
        Socket s = connect(p);
        assertEcho(s, "data passes");
        long t0 = System.nanoTime();
        s.shutdownOutput();
        assertClosedByPeer(s);
        assertBetween(290, 3000, millisSince(t0), "slow_close 300 ms");
    }
}
