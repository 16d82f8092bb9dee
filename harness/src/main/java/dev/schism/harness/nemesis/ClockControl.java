package dev.schism.harness.nemesis;

import java.io.IOException;

/** A target whose nodes' clocks can be shifted, one node at a time, without touching the host clock. */
public interface ClockControl {
    /** Moves the node's clock by {@code deltaMs} (negative: back). Offsets add up until {@link #reset}. */
    void shift(String node, long deltaMs) throws IOException;

    /** The node's total shift so far, in ms. */
    long offset(String node);

    /** Undoes every shift of this node. */
    default void reset(String node) throws IOException {
        long off = offset(node);
        if (off != 0) {
            shift(node, -off);
        }
    }
}
