package dev.schism.harness.checker.linear;

/** How the search of one partition ended. */
public enum SearchOutcome {
    /** A linearization was found. */
    LINEARIZABLE,
    /** Every order was tried; none is legal. */
    ILLEGAL,
    /** The time budget ran out. */
    TIMED_OUT,
    /** Another partition was found illegal first. */
    CANCELLED,
    /** The memo cache reached the memory budget. */
    OVER_BUDGET
}
