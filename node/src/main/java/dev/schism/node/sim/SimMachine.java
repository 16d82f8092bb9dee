package dev.schism.node.sim;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.StateMachine;
import dev.schism.node.core.Txn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The simulator's replicated state: the list of applied txns, in order. Its snapshot is that list. */
final class SimMachine implements StateMachine {
    final List<Txn> applied = new ArrayList<>();

    long lastZxid() {
        return applied.isEmpty() ? 0 : applied.get(applied.size() - 1).zxid();
    }

    @Override
    public Snapshot snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(bytes);
        try {
            o.writeInt(applied.size());
            for (Txn t : applied) {
                o.writeLong(t.zxid());
                o.writeInt(t.payload().length);
                o.write(t.payload());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Snapshot(lastZxid(), bytes.toByteArray());
    }

    void restore(Snapshot s) {
        applied.clear();
        if (s == null) {
            return;
        }
        ByteBuffer in = ByteBuffer.wrap(s.data());
        int n = in.getInt();
        for (int i = 0; i < n; i++) {
            long zxid = in.getLong();
            byte[] p = new byte[in.getInt()];
            in.get(p);
            applied.add(new Txn(zxid, p));
        }
    }

    @Override
    public String toString() {
        return "SimMachine{applied=" + applied.size() + "}";
    }
}
