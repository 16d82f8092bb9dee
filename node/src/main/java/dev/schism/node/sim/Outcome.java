package dev.schism.node.sim;

/**
 * How one simulation ended: {@link Verdict#SAFE} (every check held and the healed ensemble committed and
 * spread a new write), {@link Verdict#UNSAFE} (a safety check failed; {@code kind} names which) or
 * {@link Verdict#STUCK} (safe, but not live after the heal). {@code traceHash} covers every event of the run,
 * so two runs with equal hashes did the same thing.
 */
public record Outcome(long seed, Verdict verdict, String kind, String evidence, long tick, String traceHash,
                      int committed) {
    public enum Verdict { SAFE, UNSAFE, STUCK }

    public boolean failed() {
        return verdict != Verdict.SAFE;
    }

    @Override
    public String toString() {
        return "seed " + seed + " " + verdict + (evidence == null ? "" : " at t=" + tick + ": " + evidence)
                + " (" + committed + " txns committed, trace " + traceHash + ")";
    }
}
