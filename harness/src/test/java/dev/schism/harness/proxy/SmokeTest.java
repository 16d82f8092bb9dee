package dev.schism.harness.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.InputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void echoThroughProxyWithLatency() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0); EchoServer echo = new EchoServer()) {
            ToxiproxyClient client = new ToxiproxyClient("127.0.0.1", server.apiPort());
            Proxy p = client.createProxy("echo", "127.0.0.1:0", echo.address());
            int port = Integer.parseInt(p.getListen().substring(p.getListen().lastIndexOf(':') + 1));
            try (Socket s = new Socket("127.0.0.1", port)) {
                s.getOutputStream().write("hello".getBytes());
                byte[] got = s.getInputStream().readNBytes(5);
                assertArrayEquals("hello".getBytes(), got);
                p.toxics().latency("lat", ToxicDirection.DOWNSTREAM, 200);
                long t0 = System.nanoTime();
                s.getOutputStream().write("x".getBytes());
                InputStream in = s.getInputStream();
                assertEquals('x', in.read());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("latency rtt ms " + ms);
            }
        }
    }
}
