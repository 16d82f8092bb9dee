package dev.schism.node.core;

import java.util.Set;

/**
 * What the protocol needs to know about the ensemble and its timing. All durations are in core ticks:
 * the shell calls {@link Peer#tick()} every {@code msPerTick} milliseconds (the simulator advances its
 * clock by the same amount), so ZooKeeper's millisecond settings (tickTime, finalizeWait = 200 ms, the
 * notification back-off 200 ms .. 60 s) are converted once, here.
 *
 * @param myId      this server's sid
 * @param voters    sids of the participants (including myId if it is one)
 * @param observers sids of the observers
 * @param msPerTick length of one core tick in milliseconds (e.g. 50)
 * @param tickTimeMs ZooKeeper's tickTime
 * @param initLimit ticks (of tickTime) allowed for discovery and sync
 * @param syncLimit ticks (of tickTime) a leader/follower may go without hearing the other side
 */
public record PeerConfig(long myId, Set<Long> voters, Set<Long> observers, int msPerTick, int tickTimeMs,
                         int initLimit, int syncLimit) {

    public boolean isObserver() {
        return observers.contains(myId);
    }

    /** Converts milliseconds to core ticks, at least 1. */
    public int ticks(long ms) {
        return (int) Math.max(1, (ms + msPerTick - 1) / msPerTick);
    }

    /** How many voters make a majority. */
    public int quorumSize() {
        return voters.size() / 2 + 1;
    }

    /** True if {@code acks} (sids) contain a majority of the voters; observers never count. */
    public boolean isQuorum(java.util.Collection<Long> acks) {
        return acks.stream().distinct().filter(voters::contains).count() >= quorumSize();
    }
}
