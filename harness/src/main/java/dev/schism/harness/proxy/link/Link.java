package dev.schism.harness.proxy.link;

import dev.schism.harness.proxy.toxic.Chunk;
import dev.schism.harness.proxy.toxic.ChunkSink;
import dev.schism.harness.proxy.toxic.Direction;
import dev.schism.harness.proxy.toxic.LinkContext;
import dev.schism.harness.proxy.toxic.Stage;
import dev.schism.harness.proxy.toxic.ToxicSpec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One direction of a connection: source socket, then the toxics of that direction in insertion order, then the
 * writer to the destination socket. Every method runs on the source socket's event loop; writes to a destination
 * on another loop are handed over by Netty in order.
 */
final class Link implements LinkContext {
    private final Connection connection;
    private final Direction direction;
    private final Channel source;
    private final Writer writer;
    private List<Stage> stages = new ArrayList<>();
    private boolean eofSeen;
    private boolean inReadBatch;
    private boolean disposed;
    private boolean initialized;

    Link(Connection connection, Direction direction, Channel source, Channel dest) {
        this.connection = connection;
        this.direction = direction;
        this.source = source;
        this.writer = new Writer(dest, this);
    }

    /** Creates and starts the stages; once. Syncs that arrive earlier are dropped: init reads the newest chains. */
    void init(List<ToxicSpec> chain) {
        if (initialized) {
            return;
        }
        initialized = true;
        for (ToxicSpec spec : chain) {
            stages.add(spec.type().newStage(this));
        }
        wire();
        for (int i = stages.size() - 1; i >= 0; i--) {
            stages.get(i).start(chain.get(i));
        }
    }

    private void wire() {
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).next(i + 1 < stages.size() ? stages.get(i + 1) : writer);
        }
    }

    private ChunkSink head() {
        return stages.isEmpty() ? writer : stages.get(0);
    }

    boolean inReadBatch() {
        return inReadBatch;
    }

    void onRead(ByteBuf data) {
        if (disposed || eofSeen) {
            data.release();
            return;
        }
        inReadBatch = true;
        head().accept(Chunk.of(data, System.nanoTime()));
    }

    void onReadComplete() {
        inReadBatch = false;
        afterAsyncProgress();
    }

    void onEof() {
        if (!eofSeen && !disposed) {
            eofSeen = true;
            inReadBatch = false;
            head().accept(Chunk.EOF);
            afterAsyncProgress();
        }
    }

    /** Reads the source only while every step of the chain and the destination can take more. */
    void updateReadInterest() {
        if (disposed) {
            return;
        }
        boolean want = !eofSeen && writer.accepting();
        for (int i = 0; want && i < stages.size(); i++) {
            want = stages.get(i).accepting();
        }
        if (source.config().isAutoRead() != want) {
            source.config().setAutoRead(want);
        }
    }

    @Override
    public void afterAsyncProgress() {
        if (!inReadBatch) {
            writer.flushIfPending();
        }
        updateReadInterest();
    }

    /**
     * Brings the running stages in line with the desired chain: removed toxics flush what they hold downstream (the
     * last first, so order is kept), then kept toxics whose settings or successor changed restart (drawing toxicity
     * again), then new toxics start.
     */
    void sync(List<ToxicSpec> desired) {
        if (disposed || !initialized) {
            return;
        }
        Set<Long> desiredIds = new HashSet<>();
        for (ToxicSpec s : desired) {
            desiredIds.add(s.id());
        }
        List<Stage> old = stages;
        Map<Long, Stage> kept = new HashMap<>();
        Map<Long, Long> oldNextId = new HashMap<>();
        for (int i = 0; i < old.size(); i++) {
            long id = old.get(i).spec().id();
            oldNextId.put(id, i + 1 < old.size() ? old.get(i + 1).spec().id() : -1L);
            if (desiredIds.contains(id)) {
                kept.put(id, old.get(i));
            }
        }
        for (int i = old.size() - 1; i >= 0; i--) {
            Stage s = old.get(i);
            if (!kept.containsKey(s.spec().id())) {
                ChunkSink successor = writer;
                for (int j = i + 1; j < old.size(); j++) {
                    if (kept.containsKey(old.get(j).spec().id())) {
                        successor = old.get(j);
                        break;
                    }
                }
                s.next(successor);
                s.removeAndFlush();
            }
        }
        List<Stage> fresh = new ArrayList<>(desired.size());
        boolean[] isNew = new boolean[desired.size()];
        for (int i = 0; i < desired.size(); i++) {
            Stage s = kept.get(desired.get(i).id());
            if (s == null) {
                s = desired.get(i).type().newStage(this);
                isNew[i] = true;
            }
            fresh.add(s);
        }
        stages = fresh;
        wire();
        for (int i = fresh.size() - 1; i >= 0; i--) {
            ToxicSpec spec = desired.get(i);
            Stage s = fresh.get(i);
            if (isNew[i]) {
                s.start(spec);
                continue;
            }
            long nextId = i + 1 < desired.size() ? desired.get(i + 1).id() : -1L;
            if (s.spec().revision() != spec.revision() || oldNextId.get(spec.id()) != nextId) {
                s.restart(spec);
            }
        }
        afterAsyncProgress();
    }

    void dispose() {
        if (!disposed) {
            disposed = true;
            for (Stage s : stages) {
                s.dispose();
            }
        }
    }

    @Override
    public EventLoop executor() {
        return source.eventLoop();
    }

    @Override
    public double nextRandom() {
        return connection.random().nextDouble();
    }

    @Override
    public int nextInt(int bound) {
        return bound <= 0 ? 0 : connection.random().nextInt(bound);
    }

    @Override
    public void closeConnection() {
        connection.close();
    }

    @Override
    public String toString() {
        return "Link{" + direction + " stages=" + stages + (eofSeen ? " eof" : "") + "}";
    }
}
