package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Per-test fixture: an embedded server on an ephemeral port, a toxiproxy-java client for it, a real echo server,
 * and sockets that are all closed after the test, pass or fail.
 *
 * <p>With {@code -Dtoxiproxy.api=host:port} the same tests run against an external server instead (e.g. the real
 * {@code toxiproxy-server} on this host): proxies are deleted after each test, and checks that need the embedded
 * server's internals are skipped.
 */
abstract class ProxyTestSupport {
    protected ToxiproxyServer server;
    protected ToxiproxyClient client;
    protected EchoServer echo;
    protected RawHttp http;
    private final List<Socket> sockets = new ArrayList<>();

    /** The external server under test, or null for the embedded one. */
    static final String EXTERNAL = System.getProperty("toxiproxy.api");

    @BeforeEach
    void startServer() throws IOException {
        echo = new EchoServer();
        if (EXTERNAL != null) {
            String host = EXTERNAL.substring(0, EXTERNAL.lastIndexOf(':'));
            int port = Integer.parseInt(EXTERNAL.substring(EXTERNAL.lastIndexOf(':') + 1));
            client = new ToxiproxyClient(host, port);
            http = new RawHttp(host, port);
            return;
        }
        server = ToxiproxyServer.start("127.0.0.1", 0, 42L);
        client = new ToxiproxyClient("127.0.0.1", server.apiPort());
        http = new RawHttp("127.0.0.1", server.apiPort());
    }

    /** Skips the rest of a test that needs the embedded server (its internals or its lifecycle). */
    static void assumeEmbedded() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EXTERNAL == null, "needs the embedded server");
    }

    @AfterEach
    void stopServer() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        } else if (client != null) {
            for (Proxy p : client.getProxies()) {
                p.delete();
            }
        }
        if (echo != null) {
            echo.close();
        }
    }

    /** A proxy to the echo server on an ephemeral port. */
    protected Proxy echoProxy(String name) throws IOException {
        return client.createProxy(name, "127.0.0.1:0", echo.address());
    }

    static int port(Proxy p) {
        return port(p.getListen());
    }

    static int port(String listen) {
        return Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1));
    }

    /** Connects to 127.0.0.1:port with a read timeout; closed after the test. */
    protected Socket connect(int port) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setTcpNoDelay(true);
        s.setSoTimeout(10_000);
        return s;
    }

    protected Socket connect(Proxy p) throws IOException {
        return connect(port(p));
    }

    static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes());
        s.getOutputStream().flush();
    }

    static String read(Socket s, int n) throws IOException {
        byte[] b = s.getInputStream().readNBytes(n);
        return new String(b);
    }

    static void assertEcho(Socket s, String text) throws IOException {
        write(s, text);
        assertEquals(text, read(s, text.length()));
    }

    /** Asserts that the peer closed: read returns EOF (or a reset) within the socket's timeout. */
    static void assertClosedByPeer(Socket s) throws IOException {
        try {
            InputStream in = s.getInputStream();
            int b = in.read();
            assertEquals(-1, b, "expected EOF, got a byte");
        } catch (SocketTimeoutException e) {
            fail("connection was not closed within " + s.getSoTimeout() + " ms");
        } catch (SocketException e) {
            // a reset also means the peer closed
        }
    }

    /** Asserts that the next read blocks at least {@code millis} (no data, no close). */
    static void assertSilentFor(Socket s, int millis) throws IOException {
        int old = s.getSoTimeout();
        s.setSoTimeout(millis);
        try {
            int b = s.getInputStream().read();
            fail("expected silence, got " + (b < 0 ? "EOF" : "byte " + b));
        } catch (SocketTimeoutException expected) {
            // silent as expected
        } finally {
            s.setSoTimeout(old);
        }
    }

    static void assertRefused(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            fail("connect to " + port + " succeeded, expected refusal");
        } catch (ConnectException expected) {
            // refused, as expected
        } catch (IOException e) {
            fail("expected a refusal, got " + e);
        }
    }

    static void assertBetween(long lowMs, long highMs, long actualMs, String what) {
        assertTrue(actualMs >= lowMs && actualMs <= highMs,
                what + " took " + actualMs + " ms, expected " + lowMs + ".." + highMs);
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
