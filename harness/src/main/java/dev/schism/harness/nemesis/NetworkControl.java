package dev.schism.harness.nemesis;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/** A target whose node-to-node links can be cut and slowed. Implementations must make every call bounded in time. */
public interface NetworkControl {
    /**
     * Cuts exactly the grudge's links on the given channels, replacing any earlier partition without
     * healing in between: links cut before and after stay cut, so one partition can shift into the next.
     */
    void partition(Grudge grudge, PartitionMode mode, Set<Channel> channels) throws IOException;

    /** {@link #partition(Grudge, PartitionMode, Set)} on every channel. */
    default void partition(Grudge grudge, PartitionMode mode) throws IOException {
        partition(grudge, mode, EnumSet.allOf(Channel.class));
    }

    /** Restores every link cut by {@link #partition}. */
    void heal() throws IOException;

    /** Adds {@code ms} ± {@code jitterMs} of one-way delay on every node-to-node link. */
    void latency(long ms, long jitterMs) throws IOException;

    /** Removes the delay. */
    void clearLatency() throws IOException;
}
