package dev.schism.node.core;

/**
 * A role transition as the journal records it ({@code events.jsonl}): LEADING is reported only when the
 * new epoch is established by a quorum, FOLLOWING/OBSERVING when sync with the leader completed (the
 * server starts serving), LOOKING when it stops. {@code epoch} is the ZAB epoch, or -1 while LOOKING.
 */
public record RoleChange(Role role, long epoch, long leader, long zxid, boolean serving) {
    @Override
    public String toString() {
        return role + " epoch=" + epoch + " leader=" + leader + " zxid=" + Zxid.hex(zxid)
                + (serving ? " serving" : "");
    }
}
