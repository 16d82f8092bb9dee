package dev.schism.harness.proxy.toxic;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stage logic that cannot be observed through TCP (which merges segments): slicer piece sizes and limit_data
 * cut points, run on a real event loop with a recording sink.
 */
class StageTest {
    private final DefaultEventLoop loop = new DefaultEventLoop();
    private final Random random = new Random(11);
    private final List<Chunk> out = new ArrayList<>();
    private boolean closed;

    private final LinkContext link = new LinkContext() {
        @Override
        public EventExecutor executor() {
            return loop;
        }

        @Override
        public double nextRandom() {
            return random.nextDouble();
        }

        @Override
        public int nextInt(int bound) {
            return random.nextInt(bound);
        }

        @Override
        public void closeConnection() {
            closed = true;
        }

        @Override
        public void afterAsyncProgress() {
        }
    };

    private final ChunkSink sink = new ChunkSink() {
        @Override
        public void accept(Chunk chunk) {
            out.add(chunk);
        }

        @Override
        public boolean accepting() {
            return true;
        }
    };

    @AfterEach
    void stop() {
        for (Chunk c : out) {
            c.release();
        }
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(10, TimeUnit.SECONDS);
    }

    private Stage stage(ToxicType type, Map<String, Long> attrs) throws Exception {
        return onLoop(() -> {
            Stage s = type.newStage(link);
            s.next(sink);
            s.start(new ToxicSpec(1, 1, "t", type, "downstream", 1.0f, attrs));
            return s;
        });
    }

    private void feed(Stage s, byte[] data) throws Exception {
        onLoop(() -> {
            s.accept(Chunk.of(Unpooled.wrappedBuffer(data), System.nanoTime()));
            return null;
        });
    }

    private List<Integer> dataSizes() throws Exception {
        return onLoop(() -> {
            List<Integer> sizes = new ArrayList<>();
            for (Chunk c : out) {
                if (!c.isEof()) {
                    sizes.add(c.length());
                }
            }
            return sizes;
        });
    }

    private byte[] dataBytes() throws Exception {
        return onLoop(() -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Chunk c : out) {
                if (!c.isEof()) {
                    ByteBuf d = c.data();
                    byte[] part = new byte[d.readableBytes()];
                    d.getBytes(d.readerIndex(), part);
                    b.write(part, 0, part.length);
                }
            }
            return b.toByteArray();
        });
    }

    private boolean sawEof() throws Exception {
        return onLoop(() -> out.stream().anyMatch(Chunk::isEof));
    }

    /** What reached the sink: the data chunk sizes, then " EOF" if the stream ended. */
    private String outcome() throws Exception {
        return dataSizes() + (sawEof() ? " EOF" : "");
    }

    private interface LoopAction {
        void run() throws Exception;
    }

    private void onLoopDo(LoopAction action) throws Exception {
        onLoop(() -> {
            action.run();
            return null;
        });
    }

    @Test
    void slicerAverage1024Variation512() throws Exception {
        Stage s = stage(ToxicType.SLICER, Map.of("average_size", 1024L, "size_variation", 512L, "delay", 10L));
        byte[] data = new byte[480 * 1000];
        new Random(2).nextBytes(data);
        feed(s, data);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                .until(() -> dataBytes().length >= data.length);
        List<Integer> sizes = dataSizes();
        assertTrue(sizes.size() >= 240 && sizes.size() <= 720, "pieces: " + sizes.size());
        assertTrue(sizes.stream().allMatch(n -> n <= 1536), "every piece at most average + variation");
        assertArrayEquals(data, dataBytes());
    }

    @Test
    void slicerSingleBytes() throws Exception {
        Stage s = stage(ToxicType.SLICER, Map.of("average_size", 1L, "size_variation", 0L, "delay", 0L));
        feed(s, "abcdefghijklmnopqrstuvwx".getBytes());
        assertEquals(24, dataSizes().size());
        assertEquals("abcdefghijklmnopqrstuvwx", new String(dataBytes()));
    }

    private String limit(int... writes) throws Exception {
        out.clear();
        Stage s = stage(ToxicType.LIMIT_DATA, Map.of("bytes", 100L));
        for (int w : writes) {
            feed(s, new byte[w]);
        }
        return outcome();
    }

    @Test
    void limitDataTable() throws Exception {
        assertEquals("[50]", limit(50));
        assertEquals("[100] EOF", limit(100));
        assertEquals("[100] EOF", limit(150));
        assertEquals("[25, 25, 25, 25] EOF", limit(25, 25, 25, 25));
        assertEquals("[90, 10] EOF", limit(90, 20));
        out.clear();
        Stage zero = stage(ToxicType.LIMIT_DATA, Map.of("bytes", 0L));
        assertEquals("[]", outcome(), "nothing happens until data flows");
        feed(zero, new byte[5]);
        assertEquals("[] EOF", outcome());
    }

    @Test
    void limitDataKeepsStateAcrossRestart() throws Exception {
        Stage s = stage(ToxicType.LIMIT_DATA, Map.of("bytes", 100L));
        feed(s, new byte[60]);
        onLoopDo(() -> {
            s.restart(s.spec().updated(2, Map.of(), null));
            s.restart(s.spec().updated(3, Map.of(), null));
        });
        feed(s, new byte[60]);
        assertEquals("[60, 40] EOF", outcome());
    }

    @Test
    void removingAStalledBandwidthDeliversHeldBytes() throws Exception {
        Stage s = stage(ToxicType.BANDWIDTH, Map.of("rate", 0L));
        feed(s, new byte[1000]);
        assertEquals(List.of(), dataSizes());
        assertEquals(false, onLoop(s::accepting), "a stalled stage stops the link from reading");
        onLoopDo(s::removeAndFlush);
        assertEquals(List.of(1000), dataSizes());
    }

    @Test
    void removingALatencyDeliversTheDelayedChunkAtOnceAndTheQueueInOrder() throws Exception {
        Stage s = stage(ToxicType.LATENCY, Map.of("latency", 60_000L, "jitter", 0L));
        feed(s, new byte[10]);
        feed(s, new byte[20]);
        assertEquals("[]", outcome(), "both chunks are a minute away");
        assertTrue(onLoop(s::busy), "the first chunk is held");
        onLoopDo(s::removeAndFlush);
        assertEquals("[10, 20]", outcome());
        assertEquals(false, onLoop(s::busy));
    }

    @Test
    void restartingASlicerSendsTheRestAsOneChunk() throws Exception {
        Stage s = stage(ToxicType.SLICER, Map.of("average_size", 10L, "size_variation", 0L, "delay", 60_000_000L));
        feed(s, new byte[100]);
        List<Integer> before = dataSizes();
        assertEquals(1, before.size(), "one piece out, the next a minute away: " + before);
        int first = before.get(0);
        assertTrue(first <= 10, "piece of " + first);
        onLoopDo(() -> s.restart(s.spec().updated(2, Map.of(), null)));
        assertEquals(List.of(first, 100 - first), dataSizes());
        assertEquals(false, onLoop(s::busy));
    }

    @Test
    void timeoutRemovalClosesTheConnection() throws Exception {
        Stage s = stage(ToxicType.TIMEOUT, Map.of("timeout", 0L));
        feed(s, new byte[10]);
        assertEquals(List.of(), dataSizes(), "timeout drops data");
        onLoopDo(s::removeAndFlush);
        assertTrue(closed);
    }
}
