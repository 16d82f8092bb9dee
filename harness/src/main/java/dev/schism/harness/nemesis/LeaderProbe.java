package dev.schism.harness.nemesis;

import java.util.Optional;

/** Asks the target which node leads right now (for "kill the leader"), and which would lead next. */
public interface LeaderProbe {
    /** The leader if exactly one node says it leads; empty if none answers or nobody leads. */
    Optional<String> leader();

    /**
     * The node an election held now would most likely pick: FastLeaderElection prefers the longest log
     * (highest zxid), then the highest server id. Partitions put it on the leader's side, so the majority
     * has to elect someone else, and a quorum-only cut isolates the server the election will choose.
     * Empty when the target cannot tell.
     */
    default Optional<String> favourite() {
        return Optional.empty();
    }
}
