package dev.schism.node.core.zab;

import dev.schism.node.core.PeerConfig;

/**
 * ZooKeeper's timing knobs converted to core ticks: the ping period (half a tickTime), the initLimit
 * window for discovery and sync, and the syncLimit window in which the other side must be heard.
 */
public record Timing(int pingInterval, int initTimeout, int syncTimeout) {
    public static Timing of(PeerConfig c) {
        int tick = c.ticks(c.tickTimeMs());
        return new Timing(c.ticks(Math.max(1, c.tickTimeMs() / 2)), c.initLimit() * tick, c.syncLimit() * tick);
    }

    @Override
    public String toString() {
        return "Timing{ping=" + pingInterval + " init=" + initTimeout + " sync=" + syncTimeout + " ticks}";
    }
}
