package dev.schism.harness.nemesis;

import java.util.Optional;

/** Asks the target which node leads right now (for "kill the leader"). */
public interface LeaderProbe {
    /** The leader if exactly one node says it leads; empty if none answers or nobody leads. */
    Optional<String> leader();
}
