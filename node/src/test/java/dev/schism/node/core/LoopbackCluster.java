package dev.schism.node.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A perfect, in-order network and instantly durable disks for a few {@link Peer}s, for scenario tests.
 * Messages go through {@link MessageCodec}; servers can be started late or cut off.
 */
final class LoopbackCluster {
    /** A state machine that records what it was given. */
    static final class Applied implements StateMachine {
        final List<Txn> txns = new ArrayList<>();

        @Override
        public Snapshot snapshot() {
            return new Snapshot(txns.isEmpty() ? 0 : txns.get(txns.size() - 1).zxid(), new byte[0]);
        }

        @Override
        public String toString() {
            return "Applied{" + txns.size() + " txns}";
        }
    }

    final Set<Long> voters;
    final Set<Long> observers;
    final Map<Long, Peer> peers = new LinkedHashMap<>();
    final Map<Long, Applied> machines = new LinkedHashMap<>();
    final Map<Long, List<RoleChange>> roles = new LinkedHashMap<>();
    final Set<Long> isolated = new HashSet<>();
    private final ArrayDeque<Envelope> wire = new ArrayDeque<>();
    private final ArrayDeque<Long> senders = new ArrayDeque<>();

    LoopbackCluster(Set<Long> voters, Set<Long> observers) {
        this.voters = voters;
        this.observers = observers;
    }

    PeerConfig config(long sid) {
        return new PeerConfig(sid, voters, observers, 50, 200, 10, 5);
    }

    Peer start(long sid, DurableState disk) {
        Applied m = new Applied();
        Peer p = new Peer(config(sid), disk, m);
        peers.put(sid, p);
        machines.put(sid, m);
        roles.put(sid, new ArrayList<>());
        drain(sid);
        return p;
    }

    /** Starts every voter and observer with an empty disk, in sid order, and lets them elect for 100 ticks. */
    static LoopbackCluster elected(Set<Long> voters, Set<Long> observers) {
        LoopbackCluster c = new LoopbackCluster(voters, observers);
        List<Long> all = new ArrayList<>(voters);
        all.addAll(observers);
        all.stream().sorted().forEach(sid -> c.start(sid, fresh()));
        c.run(100);
        return c;
    }

    /** A client write at {@code sid}, with the resulting batch executed at once; false if not serving. */
    boolean propose(long sid, byte[] payload) {
        boolean accepted = peers.get(sid).propose(payload);
        drain(sid);
        return accepted;
    }

    static DurableState fresh() {
        return new DurableState(0, 0, null, List.of());
    }

    /** A disk whose log holds {@code count} txns of epoch {@code epoch}, currentEpoch = epoch. */
    static DurableState withLog(long epoch, int count) {
        List<Txn> log = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            log.add(new Txn(Zxid.make(epoch, i), new byte[] {(byte) i}));
        }
        return new DurableState(epoch, epoch, null, log);
    }

    void run(int ticks) {
        for (int i = 0; i < ticks; i++) {
            for (long sid : peers.keySet()) {
                peers.get(sid).tick();
                drain(sid);
            }
            deliverAll();
        }
    }

    private void deliverAll() {
        int budget = 100_000;
        while (!wire.isEmpty() && budget-- > 0) {
            Envelope e = wire.poll();
            long from = senders.poll();
            Peer to = peers.get(e.to());
            if (to == null || isolated.contains(from) || isolated.contains(e.to())) {
                continue;
            }
            to.step(MessageCodec.decode(MessageCodec.encode(e.message())));
            drain(e.to());
        }
    }

    void drain(long sid) {
        Peer p = peers.get(sid);
        for (Ready r = p.ready(); !r.isEmpty(); r = p.ready()) {
            if (!r.toLog().isEmpty()) {
                p.persisted(r.toLog().get(r.toLog().size() - 1).zxid());
            }
            for (Envelope e : r.messages()) {
                wire.add(e);
                senders.add(sid);
            }
            machines.get(sid).txns.addAll(r.committed());
            roles.get(sid).addAll(r.roleChanges());
        }
    }

    /** The sid that is an established leader, or -1. */
    long leader() {
        for (Map.Entry<Long, Peer> e : peers.entrySet()) {
            if (e.getValue().role() == Role.LEADING && e.getValue().serving()) {
                return e.getKey();
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "LoopbackCluster" + peers.values();
    }
}
