package dev.schism.node.sim;

import dev.schism.node.core.zab.SeededBugs;

/**
 * The ensemble a simulation runs and how: voters and observers, how many ticks after the heal it may take to
 * commit and spread a new write, and the seeded protocol bug switched on in every server (or null).
 */
public record SimOptions(int voters, int observers, int healTicks, String bug) {
    public SimOptions {
        if (voters < 1 || observers < 0) {
            throw new IllegalArgumentException("an ensemble needs at least one voter; got " + voters + " voters, "
                    + observers + " observers");
        }
        if (bug != null && !SeededBugs.NAMES.contains(bug)) {
            throw new IllegalArgumentException("unknown bug '" + bug + "'; known: " + new java.util.TreeSet<>(SeededBugs.NAMES));
        }
    }

    /** The shape cycles with the seed: 3 voters, 5, 3 and an observer, 4 and an observer. */
    public static SimOptions forSeed(long seed, String bug) {
        return switch ((int) Math.floorMod(seed, 4L)) {
            case 0 -> new SimOptions(3, 0, 2000, bug);
            case 1 -> new SimOptions(5, 0, 2000, bug);
            case 2 -> new SimOptions(3, 1, 2000, bug);
            default -> new SimOptions(4, 1, 2000, bug);
        };
    }

    public static SimOptions voters(int n, String bug) {
        return new SimOptions(n, 0, 2000, bug);
    }

    public int servers() {
        return voters + observers;
    }

    @Override
    public String toString() {
        return voters + " voters + " + observers + " observers" + (bug == null ? "" : ", bug " + bug);
    }
}
