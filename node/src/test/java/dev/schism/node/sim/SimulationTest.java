package dev.schism.node.sim;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Deterministic simulation of 3- and 5-server ensembles (some with an observer) under loss, duplication,
 * reordering, partitions, crashes and paused clocks. {@code -Dsim.seeds=N} runs N seeds (default from the
 * pom), {@code -Dsim.seed=S} replays one.
 */
class SimulationTest {

    @Test
    void everySeedIsSafeAndLive() {
        String one = System.getProperty("sim.seed");
        long first = 1;
        long count = Long.getLong("sim.seeds", 2000);
        if (one != null && !one.isBlank()) {
            first = Long.parseLong(one.trim());
            count = 1;
        }
        long started = System.nanoTime();
        long messages = 0;
        long committed = 0;
        Map<String, Long> stats = new TreeMap<>();
        for (long seed = first; seed < first + count; seed++) {
            Simulation sim = simulation(seed, null);
            try {
                sim.run();
            } catch (RuntimeException e) {
                fail(sim.report(e) + "replay: mvn -pl node -am test -Dtest=SimulationTest -Dsim.seed=" + seed
                        + " -Dsurefire.failIfNoSpecifiedTests=false", e);
            }
            messages += sim.messagesSent();
            committed += sim.committed();
            sim.messageTypes().forEach((k, v) -> stats.merge(k, v, Long::sum));
            sim.stats.forEach((k, v) -> stats.merge(k, v, k.startsWith("max") ? Math::max : Long::sum));
        }
        System.out.printf("simulation: %d seeds, %d messages, %d txns committed, %.1f s%n", count, messages,
                committed, (System.nanoTime() - started) / 1e9);
        System.out.println("simulation stats: " + stats);
    }

    /** The checker is not vacuous: a leader that skips the epoch quorum is caught as a second leader. */
    @Test
    void checkerCatchesEstablishWithoutQuorum() {
        String found = firstViolation("establish-without-quorum", 300, "two established leaders");
        assertNotNull(found, "no seed out of 300 showed two leaders in one epoch with the seeded bug");
    }

    /** ZOOKEEPER-1154's DIFF-instead-of-TRUNC leaves divergent replicas, which the prefix check sees. */
    @Test
    void checkerCatchesDiffInsteadOfTrunc() {
        assertNotNull(firstViolation("diff-instead-of-trunc", 300, ""), "bug not caught in 300 seeds");
    }

    /** Acks that run ahead of fsync lose committed txns in a power loss (ZOOKEEPER-3911 family). */
    @Test
    void checkerCatchesAckBeforeFsync() {
        assertNotNull(firstViolation("ack-before-fsync", 600, ""), "bug not caught in 600 seeds");
    }

    /**
     * The seed's run. {@code -Dsim.chaosTicks=N} lengthens the chaos phase, {@code -Dsim.drop / sim.dup /
     * sim.maxDelay} make the network worse, {@code -Dsim.bug=NAME} seeds a protocol bug in every run.
     */
    static Simulation simulation(long seed, String bug) {
        int chaos = Integer.getInteger("sim.chaosTicks", FaultSchedule.DEFAULT_CHAOS_TICKS);
        Noise d = Noise.DEFAULT;
        Noise noise = new Noise(Double.parseDouble(System.getProperty("sim.drop", "" + d.drop())),
                Double.parseDouble(System.getProperty("sim.dup", "" + d.duplicate())),
                Integer.getInteger("sim.maxDelay", d.maxDelay()), d.midReadyCrash(), d.clockPause(), d.batch());
        String property = System.getProperty("sim.bug", "");
        String b = bug != null ? bug : property.isBlank() ? null : property.trim();
        SimOptions options = SimOptions.forSeed(seed, b);
        return new Simulation(seed, options, FaultSchedule.generate(seed, options.servers(), chaos, noise), false);
    }

    /**
     * Runs seeds with a seeded bug until the safety checker objects with a verdict containing {@code kind};
     * returns that verdict, or null. (A bug usually breaks more than one invariant; other verdicts are skipped.)
     */
    private static String firstViolation(String bug, int seeds, String kind) {
        for (long seed = 1; seed <= seeds; seed++) {
            Simulation sim = simulation(seed, bug);
            try {
                sim.run();
            } catch (SafetyChecker.InvariantViolation e) {
                if (e.getMessage().contains(kind)) {
                    System.out.println("seeded bug " + bug + " caught at seed " + seed + ": " + e.getMessage());
                    return e.getMessage();
                }
            } catch (Simulation.LivenessFailure e) {
                // a seeded bug may also break liveness; only safety verdicts count here
            }
        }
        return null;
    }
}
