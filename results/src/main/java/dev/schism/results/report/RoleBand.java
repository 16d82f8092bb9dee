package dev.schism.results.report;

import dev.schism.results.events.RoleEvent;

/** A span during which one node held one role (in one epoch), from its role journal. */
public record RoleBand(String node, RoleEvent.Kind role, long epoch, int leader, long startNs, long endNs) {

    /** The band's label: {@code LEADING e3}, {@code FOLLOWING n2 e3}, {@code LOOKING}. */
    public String label() {
        return switch (role) {
            case LEADING -> "LEADING e" + epoch;
            case FOLLOWING, OBSERVING -> role + " n" + leader + " e" + epoch;
            case LOOKING -> "LOOKING";
        };
    }

    /** One line: {@code n2 LEADING e3 1.000 s..9.000 s}. */
    @Override
    public String toString() {
        return node + " " + label() + " " + Html.seconds(startNs) + ".." + Html.seconds(endNs);
    }
}
