package dev.schism.node.sim;

/**
 * The random background of a simulation's chaos phase, as probabilities per message, tick or batch: message
 * loss, duplication and delay (which reorders), a crash in the middle of executing a Ready, a clock that
 * skips a tick, and inputs batched into one Ready. Shrinking turns each off when the failure does not need it.
 */
public record Noise(double drop, double duplicate, int maxDelay, double midReadyCrash, double clockPause, double batch) {
    public static final Noise DEFAULT = new Noise(0.05, 0.03, 3, 0.002, 0.02, 0.3);
    public static final Noise NONE = new Noise(0, 0, 0, 0, 0, 0);

    /** How many of the six knobs are on (shrinking reports it). */
    public int knobsOn() {
        int on = 0;
        for (double d : new double[] {drop, duplicate, maxDelay, midReadyCrash, clockPause, batch}) {
            on += d > 0 ? 1 : 0;
        }
        return on;
    }

    @Override
    public String toString() {
        return "drop=" + drop + ",dup=" + duplicate + ",delay=" + maxDelay + ",midcrash=" + midReadyCrash
                + ",pause=" + clockPause + ",batch=" + batch;
    }
}
