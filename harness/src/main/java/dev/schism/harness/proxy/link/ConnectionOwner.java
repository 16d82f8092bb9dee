package dev.schism.harness.proxy.link;

/** The proxy a listener works for: it tracks live connections and supplies their toxic chains. */
public interface ConnectionOwner {
    /**
     * Adds a freshly connected connection and returns the chains to start it with, atomically with respect to toxic
     * changes; returns null when the listener of {@code generation} was stopped meanwhile (the caller closes it).
     */
    Chains register(Connection connection, long generation);

    /** The chains as they are now; links read them when they start, so no change made meanwhile is missed. */
    Chains currentChains();

    /** Forgets a connection whose sockets are both closed. */
    void unregister(Connection connection);
}
