package dev.schism.harness.nemesis;

import java.io.IOException;

/** A target whose node-to-node links can be cut and slowed. Implementations must make every call bounded in time. */
public interface NetworkControl {
    /** Cuts exactly the grudge's links (replacing any earlier partition). */
    void partition(Grudge grudge, PartitionMode mode) throws IOException;

    /** Restores every link cut by {@link #partition}. */
    void heal() throws IOException;

    /** Adds {@code ms} ± {@code jitterMs} of one-way delay on every node-to-node link. */
    void latency(long ms, long jitterMs) throws IOException;

    /** Removes the delay. */
    void clearLatency() throws IOException;
}
