package dev.schism.node.net;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import dev.schism.node.config.ServerSpec;
import dev.schism.node.core.Envelope;
import dev.schism.node.core.Message;
import dev.schism.node.process.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real sockets on 127.0.0.1 between transports of a three-server ensemble. */
class TransportTest {

    /** A message type of the test's own, so the transport can be exercised without the protocol core. */
    record Note(long from, boolean election, String text) implements Message {
    }

    static final Transport.Codec NOTES = new Transport.Codec() {
        @Override
        public byte[] encode(Message m) {
            Note n = (Note) m;
            return (n.from() + "|" + n.election() + "|" + n.text()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public Message decode(byte[] bytes) {
            String[] f = new String(bytes, StandardCharsets.UTF_8).split("\\|", 3);
            if (f.length != 3) {
                throw new IllegalArgumentException("not a note");
            }
            return new Note(Long.parseLong(f[0]), Boolean.parseBoolean(f[1]), f[2]);
        }
    };

    static final class Inbox implements Transport.Handler {
        final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Long> down = new LinkedBlockingQueue<>();
        final BlockingQueue<String> touches = new LinkedBlockingQueue<>();

        @Override
        public void touches(long from, long[] sessionIds) {
            touches.add(from + ":" + java.util.Arrays.toString(sessionIds));
        }

        @Override
        public void received(Message m) {
            messages.add(m);
        }

        @Override
        public void linkDown(long sid) {
            down.add(sid);
        }

        Note next() throws InterruptedException {
            Message m = messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(m, "no message within 10 s");
            return (Note) m;
        }
    }

    private final Map<Long, ServerSpec> servers = new HashMap<>();
    private final List<Transport> started = new ArrayList<>();

    TransportTest() {
        int[] p = FreePorts.allocate(6);
        for (int i = 0; i < 3; i++) {
            servers.put((long) i + 1, new ServerSpec(i + 1, "127.0.0.1", p[2 * i], p[2 * i + 1], false, null, -1));
        }
    }

    private Transport start(long sid, Inbox inbox, int maxPayload) throws Exception {
        Transport t = new Transport(sid, servers, inbox, "t" + sid, maxPayload, NOTES);
        started.add(t);
        t.start();
        return t;
    }

    @AfterEach
    void stop() {
        started.forEach(Transport::close);
    }

    @Test
    void deliversInOrderOnBothStreamsAndToItself() throws Exception {
        Inbox in1 = new Inbox();
        Inbox in2 = new Inbox();
        Transport t1 = start(1, in1, Frames.MAX_PAYLOAD);
        start(2, in2, Frames.MAX_PAYLOAD);
        awaitLinks(t1, 2);
        for (int i = 0; i < 200; i++) {
            t1.send(new Envelope(2, new Note(1, i % 2 == 0, "m" + i)));
        }
        List<String> election = new ArrayList<>();
        List<String> quorum = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Note n = in2.next();
            assertEquals(1, n.from());
            (n.election() ? election : quorum).add(n.text());
        }
        for (int i = 0; i < 100; i++) {
            assertEquals("m" + (2 * i), election.get(i));
            assertEquals("m" + (2 * i + 1), quorum.get(i));
        }
        t1.send(new Envelope(1, new Note(1, true, "self")));
        assertEquals("self", in1.next().text());
    }

    private static void awaitLinks(Transport t, long peer) {
        await("links to " + peer + " come up").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> t.outboundUp(LinkKind.ELECTION, peer) && t.outboundUp(LinkKind.QUORUM, peer));
    }

    @Test
    void sessionTouchesTravelBesideTheMessagesOnlyOnAnUpQuorumStream() throws Exception {
        Inbox in1 = new Inbox();
        Inbox in2 = new Inbox();
        start(1, in1, Frames.MAX_PAYLOAD);
        Transport t2 = start(2, in2, Frames.MAX_PAYLOAD);
        assertTrue(!t2.sendTouches(3, new long[] {1}), "no stream to 3: the caller must fall back");
        awaitLinks(t2, 1);
        t2.send(new Envelope(1, new Note(2, false, "before")));
        assertTrue(t2.sendTouches(1, new long[] {0x1000000aL, 0x2000000bL}));
        t2.send(new Envelope(1, new Note(2, false, "after")));
        assertEquals("before", in1.next().text());
        assertEquals("after", in1.next().text());
        assertEquals("2:[268435466, 536870923]", in1.touches.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void electionQueueKeepsOnlyTheLatestWhileThePeerIsDown() throws Exception {
        Inbox in1 = new Inbox();
        Transport t1 = start(1, in1, Frames.MAX_PAYLOAD);
        for (int i = 0; i < 100; i++) {
            t1.send(new Envelope(3, new Note(1, true, "vote" + i)));
        }
        Inbox in3 = new Inbox();
        start(3, in3, Frames.MAX_PAYLOAD);
        assertEquals("vote" + (100 - OutboundLink.MAX_QUEUED_ELECTION), in3.next().text(), "oldest dropped");
        Note last = null;
        for (int i = 1; i < OutboundLink.MAX_QUEUED_ELECTION; i++) {
            last = in3.next();
        }
        assertEquals("vote99", last.text());
    }

    @Test
    void queuedMessagesReachAPeerThatStartsLater() throws Exception {
        Inbox in1 = new Inbox();
        Transport t1 = start(1, in1, Frames.MAX_PAYLOAD);
        t1.send(new Envelope(3, new Note(1, false, "early")));
        // 2 is not running either: its failures come too
        await("dial failures to 3 are reported").atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .until(() -> Long.valueOf(3).equals(in1.down.poll(1, TimeUnit.SECONDS)));
        Inbox in3 = new Inbox();
        start(3, in3, Frames.MAX_PAYLOAD);
        assertEquals("early", in3.next().text());
    }

    @Test
    void garbageClosesOnlyThatConnection() throws Exception {
        Inbox in1 = new Inbox();
        Inbox in2 = new Inbox();
        start(1, in1, Frames.MAX_PAYLOAD);
        Transport t2 = start(2, in2, Frames.MAX_PAYLOAD);
        t2.send(new Envelope(1, new Note(2, false, "before")));
        assertEquals("before", in1.next().text());
        ServerSpec s1 = servers.get(1L);
        // A proxy that dropped bytes mid-stream: a valid handshake from server 3, then garbage.
        try (Socket raw = new Socket("127.0.0.1", s1.quorumPort())) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.write(Frames.frame(new Handshake(LinkKind.QUORUM, 3).encode()));
            out.write(new byte[] {0x12, 0x34, 0x56, 0x78, 0, 0, 0, 1, 9, 9, 9, 9, 1});
            out.flush();
            raw.setSoTimeout(10_000);
            InputStream in = raw.getInputStream();
            assertEquals(-1, in.read(), "the server closed the garbage connection");
        }
        t2.send(new Envelope(1, new Note(2, false, "after")));
        assertEquals("after", in1.next().text());
        assertTrue(in1.messages.isEmpty());
    }

    @Test
    void aPeerThatStopsReadingGetsItsLinkClosedAndReported() throws Exception {
        ServerSpec s2 = servers.get(2L);
        try (java.net.ServerSocket stalled = new java.net.ServerSocket(s2.quorumPort(), 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Inbox in1 = new Inbox();
            Transport t1 = start(1, in1, Frames.MAX_PAYLOAD);
            Socket accepted = stalled.accept(); // never read: the proxy's "stall" mode
            try {
                String big = "x".repeat(256 * 1024);
                for (int i = 0; i < 200; i++) {
                    t1.send(new Envelope(2, new Note(1, false, big)));
                }
                await("50 MB into a stalled link: closed and reported").atMost(Duration.ofSeconds(20))
                        .pollDelay(Duration.ZERO).until(() -> Long.valueOf(2).equals(in1.down.poll(1, TimeUnit.SECONDS)));
            } finally {
                accepted.close();
            }
        }
    }

    @Test
    void oversizedFrameOrStrangerIsRefused() throws Exception {
        Inbox in1 = new Inbox();
        start(1, in1, 1 << 20);
        ServerSpec s1 = servers.get(1L);
        try (Socket raw = new Socket("127.0.0.1", s1.electionPort())) {
            raw.getOutputStream().write(Frames.frame(new Handshake(LinkKind.ELECTION, 9).encode()));
            raw.setSoTimeout(10_000);
            assertEquals(-1, raw.getInputStream().read(), "unknown sid 9 refused");
        }
        try (Socket raw = new Socket("127.0.0.1", s1.electionPort())) {
            DataOutputStream out = new DataOutputStream(raw.getOutputStream());
            out.write(Frames.frame(new Handshake(LinkKind.ELECTION, 2).encode()));
            out.writeInt(Frames.MAGIC);
            out.writeInt((1 << 20) + 1);
            out.writeInt(0);
            out.flush();
            raw.setSoTimeout(10_000);
            assertEquals(-1, raw.getInputStream().read(), "frame over the limit refused");
        }
        try (Socket raw = new Socket("127.0.0.1", s1.quorumPort())) {
            raw.getOutputStream().write(Frames.frame(new Handshake(LinkKind.ELECTION, 2).encode()));
            raw.setSoTimeout(10_000);
            assertEquals(-1, raw.getInputStream().read(), "election handshake on the quorum port refused");
        }
        assertTrue(in1.messages.isEmpty());
    }
}
