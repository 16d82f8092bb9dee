package dev.schism.workloads.latch;

/** One client in a leader election, telling {@link Beliefs} whenever it starts or stops believing it leads. */
interface Candidate extends AutoCloseable {
    /** The client's name in the history, e.g. {@code curator@n2}. */
    String id();

    /** The election it runs in, e.g. {@code curator}. */
    String election();

    /** Connects and enters the election; leadership comes later, asynchronously. */
    void start() throws Exception;

    @Override
    void close();
}
