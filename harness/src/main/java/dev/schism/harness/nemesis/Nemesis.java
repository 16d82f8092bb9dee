package dev.schism.harness.nemesis;

import dev.schism.results.history.Op;
import java.util.List;
import java.util.Set;

/**
 * Injects or heals one kind of fault. {@link #invoke} performs the op and returns its completion (type
 * info, as Jepsen records nemesis ops; the value says what was actually done, the error why not). Called
 * from the single nemesis thread only.
 */
public interface Nemesis {
    /** The op names this nemesis handles (e.g. start-partition, stop-partition). */
    Set<String> fs();

    /** Performs {@code op} and returns its completion. Never throws for a failed fault: the error goes in the op. */
    Op invoke(Op op);

    /** Invocations that undo every fault this nemesis may have left behind (run at the end, always). */
    List<Op> healOps();
}
