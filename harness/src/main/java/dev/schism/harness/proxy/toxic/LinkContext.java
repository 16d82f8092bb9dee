package dev.schism.harness.proxy.toxic;

import io.netty.util.concurrent.EventExecutor;

/** What a stage may ask of the link it runs on. Every method is called on the link's event loop. */
public interface LinkContext {
    /** The connection's event loop, for timers. */
    EventExecutor executor();

    /** A uniform draw in [0, 1) for toxicity and jitter decisions. */
    double nextRandom();

    /** A uniform integer in [0, bound). */
    int nextInt(int bound);

    /** Closes both sockets of the connection now (an RST when the connection was created with linger 0). */
    void closeConnection();

    /** Called after a timer moved data: flushes the writer and re-evaluates whether to read the source. */
    void afterAsyncProgress();
}
