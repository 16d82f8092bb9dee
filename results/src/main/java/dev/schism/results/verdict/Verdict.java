package dev.schism.results.verdict;

/** A checker's conclusion, ordered from best to worst; composition keeps the worst. */
public enum Verdict {
    VALID,
    UNKNOWN,
    INVALID;

    /** The worse of the two. */
    public Verdict and(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Exit code contract with CI: 0 valid, 1 invalid, 2 unknown. */
    public int exitCode() {
        return switch (this) {
            case VALID -> 0;
            case INVALID -> 1;
            case UNKNOWN -> 2;
        };
    }
}
