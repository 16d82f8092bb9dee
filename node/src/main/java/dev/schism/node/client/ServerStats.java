package dev.schism.node.client;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the admin words print. Written by the IO and core threads, read by any thread; the tree-derived
 * figures are refreshed on the core thread after each change, because the tree itself is core-only.
 */
final class ServerStats {
    final AtomicLong received = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    final AtomicLong outstanding = new AtomicLong();
    private long latencyMin = Long.MAX_VALUE;
    private long latencyMax;
    private long latencyTotal;
    private long latencyCount;
    private int lastProposalSize = -1;
    private int minProposalSize = -1;
    private int maxProposalSize = -1;
    volatile int nodeCount = 5;
    volatile int ephemerals;
    volatile int watches;
    volatile long dataSize;
    volatile long lastZxid;

    synchronized void latency(long ms) {
        latencyMin = Math.min(latencyMin, ms);
        latencyMax = Math.max(latencyMax, ms);
        latencyTotal += ms;
        latencyCount++;
    }

    synchronized void proposal(int size) {
        lastProposalSize = size;
        minProposalSize = minProposalSize < 0 ? size : Math.min(minProposalSize, size);
        maxProposalSize = Math.max(maxProposalSize, size);
    }

    /** "min/avg/max" as srvr prints it. */
    synchronized String latencyLine() {
        if (latencyCount == 0) {
            return "0/0.0/0";
        }
        return latencyMin + "/" + avgLatency() + "/" + latencyMax;
    }

    synchronized double avgLatency() {
        return latencyCount == 0 ? 0.0 : Math.round(latencyTotal * 10000.0 / latencyCount) / 10000.0;
    }

    synchronized long minLatency() {
        return latencyCount == 0 ? 0 : latencyMin;
    }

    synchronized long maxLatency() {
        return latencyMax;
    }

    synchronized String proposalLine() {
        return lastProposalSize + "/" + minProposalSize + "/" + maxProposalSize;
    }

    @Override
    public String toString() {
        return "ServerStats{received=" + received + " sent=" + sent + " connections=" + connections + "}";
    }
}
