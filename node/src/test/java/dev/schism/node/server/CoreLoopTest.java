package dev.schism.node.server;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoreLoopTest {
    @Test
    void tasksRunInOrderOnTheLoopThreadAndBatchesAreFollowedByTheHook() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        CoreLoop[] loop = new CoreLoop[1];
        loop[0] = new CoreLoop("test-core", new NodeClock(), 50, () -> { }, batches::incrementAndGet, fatal::set);
        loop[0].start();
        try {
            CountDownLatch done = new CountDownLatch(1);
            for (int i = 0; i < 1000; i++) {
                int n = i;
                loop[0].execute(() -> {
                    assertTrue(loop[0].inLoop());
                    seen.add(n);
                });
            }
            loop[0].execute(done::countDown);
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(1000, seen.size());
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, seen.get(i));
            }
            assertTrue(batches.get() >= 1);
            assertNull(fatal.get());
        } finally {
            loop[0].stop();
        }
    }

    @Test
    void ticksFollowTheNodeClockIncludingABumpForward() throws Exception {
        NodeClock clock = new NodeClock();
        AtomicInteger ticks = new AtomicInteger();
        CoreLoop loop = new CoreLoop("test-core", clock, 10, ticks::incrementAndGet, () -> { }, e -> { });
        loop.start();
        try {
            Thread.sleep(300);
            int normal = ticks.get();
            assertTrue(normal >= 5 && normal <= 40, "about 30 ticks in 300 ms, got " + normal);
            clock.adjust(2000);
            await("a 2 s bump makes 200 ticks happen").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> ticks.get() >= normal + 200);
            clock.adjust(-5000);
            int before = ticks.get();
            Thread.sleep(300);
            assertTrue(ticks.get() - before <= 2, "a clock set back pauses ticking: " + (ticks.get() - before));
        } finally {
            loop.stop();
        }
    }

    @Test
    void aFailingTaskIsFatal() throws Exception {
        CountDownLatch fatal = new CountDownLatch(1);
        CoreLoop loop = new CoreLoop("test-core", new NodeClock(), 50, () -> { }, () -> { }, e -> fatal.countDown());
        loop.start();
        try {
            loop.execute(() -> {
                throw new IllegalStateException("core bug");
            });
            assertTrue(fatal.await(10, TimeUnit.SECONDS));
        } finally {
            loop.stop();
        }
    }

    @Test
    void clockAdjustsMonotonicAndWallTogether() {
        NodeClock c = new NodeClock();
        long wall = c.wallMillis();
        long mono = c.nanos();
        assertEquals(1500, c.adjust(1500));
        assertTrue(c.wallMillis() - wall >= 1500);
        assertTrue(c.nanos() - mono >= TimeUnit.MILLISECONDS.toNanos(1500));
        assertEquals(500, c.adjust(-1000));
    }
}
