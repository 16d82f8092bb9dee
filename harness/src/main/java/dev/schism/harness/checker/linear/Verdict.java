package dev.schism.harness.checker.linear;

/** A checker's answer. Composition takes the worst: INVALID over UNKNOWN over VALID. */
public enum Verdict {
    VALID(0), INVALID(1), UNKNOWN(2);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The CI exit code: 0, 1 or 2. */
    public int exitCode() {
        return exitCode;
    }

    /** The worse of two verdicts. */
    public Verdict worst(Verdict other) {
        return rank() >= other.rank() ? this : other;
    }

    private int rank() {
        return switch (this) {
            case VALID -> 0;
            case UNKNOWN -> 1;
            case INVALID -> 2;
        };
    }
}
