package dev.schism.node.core.election;

import dev.schism.node.core.Role;

/** The outcome of an election round: lead, follow or observe {@code leader}. */
public record Decision(Role role, long leader) {
    @Override
    public String toString() {
        return role + " leader=" + leader;
    }
}
