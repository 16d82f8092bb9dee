package dev.schism.harness.runner;

import dev.schism.results.history.Op;

/**
 * One worker thread's connection to the system under test. {@link #invoke} performs an invocation and
 * returns its completion (ok: happened; fail: certainly did not; info: unknown). It must return within a
 * bounded time; an exception counts as info with the exception as the error.
 */
public interface Client extends AutoCloseable {
    Op invoke(Op op) throws Exception;

    /** The node this client talks to, recorded on its invocations; null if it has none. */
    default String node() {
        return null;
    }

    @Override
    void close();
}
