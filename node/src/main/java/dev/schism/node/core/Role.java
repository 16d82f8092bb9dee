package dev.schism.node.core;

/** FastLeaderElection's server states; the ordinal is the wire value (0 LOOKING ... 3 OBSERVING). */
public enum Role {
    LOOKING, FOLLOWING, LEADING, OBSERVING
}
