package dev.schism.node.sim;

import dev.schism.node.core.Message;
import dev.schism.node.core.MessageCodec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A lossy network between simulated servers: every message is encoded with {@link MessageCodec}, may be
 * dropped, duplicated or delayed by a random number of ticks (so reordered), and is lost when its link is
 * cut by a partition at send or at delivery time. A link can be cut whole or on its quorum channel only
 * (election notifications still pass), like a blocked quorum port.
 */
final class SimNetwork {
    record Packet(long deliverAt, long seq, long from, long to, boolean election, byte[] bytes) {
        @Override
        public String toString() {
            return from + "->" + to + " " + MessageCodec.decode(bytes);
        }
    }

    private final Random rnd;
    /** In (deliverAt, seq) order: seq grows with every packet queued. */
    private final TickQueue<Packet> inFlight = new TickQueue<>(Packet::deliverAt);
    private final Set<Long> cut = new HashSet<>();
    private final Set<Long> quorumCut = new HashSet<>();
    private long seq;
    double dropRate;
    double duplicateRate;
    int maxDelay;
    long sent;
    /** A latency fault: every peer message takes this much longer (ms), ± {@link #jitterMs}; 0 when none. */
    private long latencyMs;
    private long jitterMs;
    final java.util.Map<String, Long> byType = new java.util.TreeMap<>();
    /** The protocol simulation reports messages by type; the workload simulation does not pay for counting. */
    boolean countTypes = true;

    SimNetwork(Random rnd) {
        this.rnd = rnd;
    }

    void send(long now, long from, long to, Message m) {
        sent++;
        if (countTypes) {
            String type = m instanceof dev.schism.node.core.zab.SyncMessage sm ? sm.mode().name() : m.getClass().getSimpleName();
            byType.merge(type, 1L, Long::sum);
        }
        if (isCut(from, to, m.election()) || rnd.nextDouble() < dropRate) {
            return;
        }
        byte[] bytes = MessageCodec.encode(m);
        long extra = latencyTicks();
        inFlight.add(new Packet(now + 1 + extra + rnd.nextInt(maxDelay + 1), seq++, from, to, m.election(), bytes));
        if (rnd.nextDouble() < duplicateRate) {
            inFlight.add(new Packet(now + 1 + extra + rnd.nextInt(maxDelay * 3 + 1), seq++, from, to, m.election(), bytes));
        }
    }

    /**
     * Ticks a latency fault adds to one message: {@code latencyMs} ± a uniform draw of up to {@code jitterMs},
     * rounded up to whole ticks. Draws only while a fault with jitter is on, so runs without one keep their
     * random stream (and their traces) as they were.
     */
    private long latencyTicks() {
        if (latencyMs <= 0 && jitterMs <= 0) {
            return 0;
        }
        long ms = latencyMs + (jitterMs > 0 ? rnd.nextInt((int) Math.min(2 * jitterMs, Integer.MAX_VALUE - 1) + 1) - jitterMs : 0);
        return Math.max(0, (ms + Simulation.MS_PER_TICK - 1) / Simulation.MS_PER_TICK);
    }

    /** Every message sent from now on takes {@code ms} ± {@code jitter} ms longer (0, 0: no extra delay). */
    void latency(long ms, long jitter) {
        if (ms < 0 || jitter < 0) {
            throw new IllegalArgumentException("latency and jitter must be >= 0 ms, got " + ms + " ± " + jitter);
        }
        latencyMs = ms;
        jitterMs = jitter;
    }

    /** Packets due by {@code now} whose link is intact, in delivery order. */
    List<Packet> due(long now) {
        List<Packet> out = new ArrayList<>();
        while (!inFlight.isEmpty() && inFlight.peek().deliverAt <= now) {
            Packet p = inFlight.poll();
            if (!isCut(p.from, p.to, p.election)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean isCut(long from, long to, boolean election) {
        if (cut.isEmpty() && quorumCut.isEmpty()) {
            return false; // most of the time: no partition, no boxed lookup
        }
        long link = from * 1_000_003L + to;
        return cut.contains(link) || (!election && quorumCut.contains(link));
    }

    void cut(long from, long to) {
        cut.add(from * 1_000_003L + to);
    }

    /** Cuts only the quorum channel of from→to: election notifications still pass. */
    void cutQuorum(long from, long to) {
        quorumCut.add(from * 1_000_003L + to);
    }

    void healAll() {
        cut.clear();
        quorumCut.clear();
    }

    @Override
    public String toString() {
        return "SimNetwork{inFlight=" + inFlight.size() + " cut=" + cut.size() + " quorumCut=" + quorumCut.size() + " drop=" + dropRate
                + (latencyMs > 0 || jitterMs > 0 ? " latency=" + latencyMs + "±" + jitterMs + "ms" : "") + "}";
    }
}
