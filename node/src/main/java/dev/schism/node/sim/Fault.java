package dev.schism.node.sim;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One scheduled action of a simulation's chaos phase, taken before the network moves in tick {@link #tick}.
 * An action that does not apply when its tick comes (crashing a server that is down, restarting one that is
 * up) does nothing, so any subset of a schedule is itself a valid schedule — which is what shrinking needs.
 *
 * @param nodes the server for crash, restart, snapshot and propose; the servers a power loss takes down; one
 *              side of a partition (the rest is the other side); empty for heal
 */
public record Fault(int tick, Kind kind, List<Long> nodes, boolean quorumOnly) {
    /** What happens; {@link #PROPOSE} is a client write, every other kind is a fault. */
    public enum Kind {
        POWER_LOSS("power-loss"), CRASH("crash"), RESTART("restart"), PARTITION("partition"), HEAL("heal"),
        SNAPSHOT("snapshot"), PROPOSE("propose");

        final String word;

        Kind(String word) {
            this.word = word;
        }

        static Kind parse(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    public Fault {
        nodes = List.copyOf(nodes);
    }

    public boolean isFault() {
        return kind != Kind.PROPOSE;
    }

    long node() {
        return nodes.get(0);
    }

    /** A copy at another tick (shrinking moves heals and restarts earlier). */
    Fault at(int newTick) {
        return new Fault(newTick, kind, nodes, quorumOnly);
    }

    private String names() {
        return nodes.stream().map(n -> "n" + n).collect(Collectors.joining(","));
    }

    @Override
    public String toString() {
        return switch (kind) {
            case PARTITION -> "t=" + tick + " partition {" + names() + "} | rest" + (quorumOnly ? " (quorum channel only)" : "");
            case HEAL -> "t=" + tick + " heal the network";
            case POWER_LOSS -> "t=" + tick + " power loss of " + names() + " (un-fsynced appends lost)";
            case PROPOSE -> "t=" + tick + " client write at " + names();
            default -> "t=" + tick + " " + kind + " " + names();
        };
    }
}
