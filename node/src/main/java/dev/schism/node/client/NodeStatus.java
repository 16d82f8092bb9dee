package dev.schism.node.client;

/**
 * A server's state as the admin words show it.
 *
 * @param mode        "leader", "follower", "observer", "standalone", or null while not serving
 * @param serving     whether the server answers clients
 * @param myId        sid
 * @param epoch       current ZAB epoch
 * @param lastZxid    last applied zxid (srvr's "Zxid:")
 * @param quorumSize  number of voters
 * @param learners    connected learners (leader only, else 0)
 * @param syncedFollowers synced followers (leader only, else 0)
 */
public record NodeStatus(String mode, boolean serving, long myId, long epoch, long lastZxid, int quorumSize,
                         int learners, int syncedFollowers) {
}
