package dev.schism.harness.gen;

/**
 * A pure random source (SplitMix64): {@link #value()} is this state's number and {@link #next()} the
 * following state, so generators that draw random numbers stay immutable and replayable from a seed.
 */
public record Rng(long state) {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public static Rng seeded(long seed) {
        return new Rng(seed);
    }

    public Rng next() {
        return new Rng(state + GOLDEN);
    }

    /** This state's 64 random bits. */
    public long value() {
        long z = state + GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound). */
    public long below(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        return Long.remainderUnsigned(value(), bound);
    }

    /** Uniform in [0, 1). */
    public double unit() {
        return (value() >>> 11) * 0x1.0p-53;
    }

    /** A different, independent stream (for handing one to a child generator). */
    public Rng split() {
        return new Rng(value());
    }

    @Override
    public String toString() {
        return "rng:" + Long.toHexString(state);
    }
}
