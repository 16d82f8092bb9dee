package dev.schism.node.server;

import dev.schism.node.core.Message;
import dev.schism.node.core.Peer;
import dev.schism.node.core.Ready;
import dev.schism.node.core.Role;

/** An ensemble member: FastLeaderElection and ZAB, as the core's {@link Peer} implements them. */
final class QuorumReplica implements Replica {
    private final Peer peer;

    QuorumReplica(Peer peer) {
        this.peer = peer;
    }

    @Override
    public void tick() {
        peer.tick();
    }

    @Override
    public void step(Message m) {
        peer.step(m);
    }

    @Override
    public void linkDown(long sid) {
        peer.linkDown(sid);
    }

    @Override
    public boolean propose(byte[] payload) {
        return peer.propose(payload);
    }

    @Override
    public void persisted(long zxid) {
        peer.persisted(zxid);
    }

    @Override
    public Ready ready() {
        return peer.ready();
    }

    @Override
    public Role role() {
        return peer.role();
    }

    @Override
    public boolean serving() {
        return peer.serving();
    }

    @Override
    public long epoch() {
        return peer.epoch();
    }

    @Override
    public boolean bugOn(String name) {
        return peer.bugOn(name);
    }

    @Override
    public long claimedZxid(long applied) {
        return peer.claimedZxid(applied);
    }

    @Override
    public long leader() {
        return peer.leader();
    }

    @Override
    public void snapshotTaken(long zxid) {
        peer.snapshotTaken(zxid);
    }

    @Override
    public String toString() {
        return peer.toString();
    }
}
