package dev.schism.harness.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.schism.harness.nemesis.Channel;
import dev.schism.harness.nemesis.Grudge;
import dev.schism.harness.nemesis.Grudges;
import dev.schism.harness.nemesis.PartitionMode;
import dev.schism.harness.proxy.ToxiproxyServer;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partitions through the embedded proxy with real sockets: three "nodes" are byte sinks; node i reaches
 * node j only through the proxy of link i→j, as in the local backend.
 */
class ToxiproxyNetworkTest {
    static final List<String> NODES = List.of("n1", "n2", "n3");

    ToxiproxyServer server;
    List<ServerSocket> sinks = new ArrayList<>();
    List<Socket> open = new ArrayList<>();
    Map<String, LinkedBlockingQueue<byte[]>> received = new HashMap<>();
    Map<Grudge.Link, Map<Channel, Proxy>> links = new HashMap<>();
    ToxiproxyNetwork net;

    @BeforeEach
    void setUp() throws Exception {
        server = ToxiproxyServer.start("127.0.0.1", 0);
        ToxiproxyClient client = new ToxiproxyClient(server.apiHost(), server.apiPort());
        Map<String, Integer> sinkPorts = new HashMap<>();
        for (String n : NODES) {
            for (Channel c : Channel.values()) {
                String key = key(n, c);
                ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                sinks.add(ss);
                sinkPorts.put(key, ss.getLocalPort());
                LinkedBlockingQueue<byte[]> q = new LinkedBlockingQueue<>();
                received.put(key, q);
                Thread t = new Thread(() -> accept(ss, q), "sink-" + key);
                t.setDaemon(true);
                t.start();
            }
        }
        for (String a : NODES) {
            for (String b : NODES) {
                if (!a.equals(b)) {
                    Map<Channel, Proxy> ps = new HashMap<>();
                    for (Channel c : Channel.values()) {
                        ps.put(c, client.createProxy("t-" + c.wire() + "-" + a + "-" + b, "127.0.0.1:0", "127.0.0.1:" + sinkPorts.get(key(b, c))));
                    }
                    links.put(new Grudge.Link(a, b), ps);
                }
            }
        }
        net = new ToxiproxyNetwork(links);
    }

    private void accept(ServerSocket ss, LinkedBlockingQueue<byte[]> q) {
        while (!ss.isClosed()) {
            try {
                Socket s = ss.accept();
                Thread t = new Thread(() -> {
                    try (InputStream in = s.getInputStream()) {
                        byte[] buf = new byte[1024];
                        int r;
                        while ((r = in.read(buf)) > 0) {
                            q.add(java.util.Arrays.copyOf(buf, r));
                        }
                    } catch (IOException e) {
                        // connection closed by the proxy
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Socket s : open) {
            s.close();
        }
        for (ServerSocket s : sinks) {
            s.close();
        }
        server.close();
    }

    /** Sink name of node n's listener on channel c: the quorum sink is just the node name. */
    private static String key(String n, Channel c) {
        return c == Channel.QUORUM ? n : n + "/" + c.wire();
    }

    private Socket dial(String from, String to) throws IOException {
        return dial(from, to, Channel.QUORUM);
    }

    private Socket dial(String from, String to, Channel c) throws IOException {
        String listen = links.get(new Grudge.Link(from, to)).get(c).getListen();
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(listen.substring(listen.lastIndexOf(':') + 1))), 2000);
        open.add(s);
        return s;
    }

    private byte[] next(String node, long ms) throws InterruptedException {
        return received.get(node).poll(ms, TimeUnit.MILLISECONDS);
    }

    @Test
    void dropDiscardsBytesOnCutLinksOnlyAndHealRestoresThem() throws Exception {
        Socket n1ToN3 = dial("n1", "n3");
        Socket n1ToN2 = dial("n1", "n2");
        net.partition(Grudges.isolate(NODES, "n3"), PartitionMode.DROP);
        n1ToN3.getOutputStream().write("lost".getBytes());
        n1ToN2.getOutputStream().write("kept".getBytes());
        assertArrayEquals("kept".getBytes(), next("n2", 5000));
        assertEquals(null, next("n3", 500), "n3 must not hear n1 while isolated");
        net.heal();
        // Healing a drop closes the connections that lost bytes; a new one goes through.
        Socket again = dial("n1", "n3");
        again.getOutputStream().write("after".getBytes());
        assertArrayEquals("after".getBytes(), next("n3", 5000));
    }

    @Test
    void stallHoldsBytesUntilHeal() throws Exception {
        Socket s = dial("n2", "n1");
        net.partition(Grudges.isolate(NODES, "n1"), PartitionMode.STALL);
        s.getOutputStream().write("held".getBytes());
        assertEquals(null, next("n1", 500));
        net.heal();
        assertArrayEquals("held".getBytes(), next("n1", 5000));
    }

    @Test
    void refuseClosesAndRefusesConnectionsUntilHeal() throws Exception {
        Socket s = dial("n1", "n2");
        net.partition(Grudges.halves(NODES), PartitionMode.REFUSE); // [n1] | [n2 n3]
        s.setSoTimeout(5000);
        assertEquals(-1, readOrEof(s), "the open connection is closed");
        assertThrows(ConnectException.class, () -> dial("n1", "n2"));
        Socket ok = dial("n2", "n3"); // same side: unaffected
        ok.getOutputStream().write("x".getBytes());
        assertArrayEquals("x".getBytes(), next("n3", 5000));
        net.heal();
        dial("n1", "n2").getOutputStream().write("y".getBytes());
        assertArrayEquals("y".getBytes(), next("n2", 5000));
    }

    @Test
    void aChannelScopedCutLeavesTheOtherChannelOpen() throws Exception {
        Socket quorum = dial("n1", "n2", Channel.QUORUM);
        Socket election = dial("n1", "n2", Channel.ELECTION);
        net.partition(Grudges.isolate(NODES, "n2"), PartitionMode.DROP, EnumSet.of(Channel.QUORUM));
        quorum.getOutputStream().write("lost".getBytes());
        election.getOutputStream().write("vote".getBytes());
        assertArrayEquals("vote".getBytes(), next("n2/election", 5000));
        assertEquals(null, next("n2", 500), "the quorum channel is cut");
    }

    @Test
    void shiftingToTheNextPartitionNeverReleasesALinkCutInBoth() throws Exception {
        Socket common = dial("n2", "n1");
        net.partition(Grudges.isolate(NODES, "n1"), PartitionMode.STALL);
        common.getOutputStream().write("held".getBytes());
        // isolate n1, then isolate n2: n2→n1 is cut in both, n3→n1 only before, n2→n3 only after.
        net.partition(Grudges.isolate(NODES, "n2"), PartitionMode.STALL);
        assertEquals(null, next("n1", 700), "a link cut before and after must stay cut during the shift");
        dial("n3", "n1", Channel.ELECTION).getOutputStream().write("free".getBytes());
        assertArrayEquals("free".getBytes(), next("n1/election", 5000));
        dial("n2", "n3").getOutputStream().write("cut".getBytes());
        assertEquals(null, next("n3", 500), "n2→n3 is cut by the second partition");
        net.heal();
        assertArrayEquals("held".getBytes(), next("n1", 5000));
        assertEquals("toxiproxy-network{6 links, 0 cut, 0 refused}", net.toString());
    }

    @Test
    void changingTheModeOfACutLinkReplacesItsToxics() throws Exception {
        net.partition(Grudges.isolate(NODES, "n3"), PartitionMode.DROP);
        net.partition(Grudges.isolate(NODES, "n3"), PartitionMode.REFUSE);
        assertEquals("toxiproxy-network{6 links, 0 cut, 8 refused}", net.toString());
        assertThrows(ConnectException.class, () -> dial("n1", "n3"));
        net.heal();
        dial("n1", "n3").getOutputStream().write("z".getBytes());
        assertArrayEquals("z".getBytes(), next("n3", 5000));
    }

    private static int readOrEof(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            return -2;
        } catch (IOException e) {
            return -1; // reset counts as closed
        }
    }

    @Test
    void latencyDelaysEveryLinkAndClears() throws Exception {
        Socket s = dial("n3", "n1");
        net.latency(300, 0);
        long t = System.nanoTime();
        s.getOutputStream().write("slow".getBytes());
        assertArrayEquals("slow".getBytes(), next("n1", 5000));
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertTrue(ms >= 250, "delivered after " + ms + " ms, expected about 300");
        net.clearLatency();
        assertEquals("toxiproxy-network{6 links, 0 cut, 0 refused}", net.toString());
    }
}
