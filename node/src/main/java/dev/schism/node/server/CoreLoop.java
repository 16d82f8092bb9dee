package dev.schism.node.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The core thread: runs queued tasks (messages, client requests, durability reports) in arrival order,
 * ticks every {@code msPerTick} of the node's monotonic clock, and after every batch lets the server
 * execute whatever the core produced. A clock bumped forward makes the loop catch up tick by tick
 * (interleaved with queued work), so timeouts fire as if that time had passed; a clock set back pauses
 * ticking until it catches up.
 */
final class CoreLoop {
    private static final Logger LOG = LoggerFactory.getLogger(CoreLoop.class);
    private static final int MAX_BATCH = 1024;
    private static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final NodeClock clock;
    private final long tickNanos;
    private final Runnable onTick;
    private final Runnable afterBatch;
    private final Consumer<Throwable> fatal;
    private final Thread thread;
    private volatile boolean running = true;

    CoreLoop(String name, NodeClock clock, int msPerTick, Runnable onTick, Runnable afterBatch,
             Consumer<Throwable> fatal) {
        this.clock = clock;
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(msPerTick);
        this.onTick = onTick;
        this.afterBatch = afterBatch;
        this.fatal = fatal;
        this.thread = new Thread(this::run, name);
    }

    void start() {
        thread.start();
    }

    void execute(Runnable task) {
        tasks.add(task);
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    int queued() {
        return tasks.size();
    }

    private void run() {
        long nextTick = clock.nanos() + tickNanos;
        try {
            while (running) {
                long wait = nextTick - clock.nanos();
                Runnable t = wait > 0 ? tasks.poll(Math.min(wait, MAX_WAIT_NANOS), TimeUnit.NANOSECONDS) : tasks.poll();
                int n = 0;
                while (t != null) {
                    t.run();
                    if (++n >= MAX_BATCH) {
                        break;
                    }
                    t = tasks.poll();
                }
                long now = clock.nanos();
                if (now >= nextTick) {
                    onTick.run();
                    nextTick += tickNanos;
                    if (nextTick < now - TimeUnit.SECONDS.toNanos(60)) {
                        LOG.warn("core loop fell more than 60 s behind; skipping ticks");
                        nextTick = now;
                    }
                }
                afterBatch.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            fatal.accept(e);
        }
    }

    /** Stops after the current batch; waits for the thread. */
    void stop() {
        running = false;
        if (!inLoop()) {
            // No interrupt: it would close a FileChannel the core thread is writing to.
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "CoreLoop{" + thread.getName() + " queued=" + tasks.size() + "}";
    }
}
