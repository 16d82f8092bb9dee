package dev.schism.node.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Session requests that reach this server while it does not serve (electing, or syncing with a new leader)
 * wait for at most {@link #HOLD_MS}. ZooKeeper closes them at once; its official client answers a closed
 * connection by sleeping up to a second before it tries the next server, so after a leader died most of a
 * client's wait was that pause. Held, a client is served the moment this server serves again. Nothing is
 * answered early: a held session request is handled from the start then, with every check a fresh one
 * gets, and requests pipelined behind it wait in order. Established connections are not held: they close
 * when the server stops serving, as ZooKeeper's do. Core thread only.
 */
final class HeldConnects {
    /** As long as one reconnect pause of the official client, so a server that stays down costs about as much. */
    static final long HOLD_MS = 1000;

    /** {@code frame} is the waiting session request. */
    private record Held(Connection connection, ConnectRequestFrame frame, long deadlineMs) {
        @Override
        public String toString() {
            return "Held{" + connection + " until " + deadlineMs + "}";
        }
    }

    private final List<Held> held = new ArrayList<>();

    void hold(Connection c, ConnectRequestFrame frame, long nowMs) {
        held.add(new Held(c, frame, nowMs + HOLD_MS));
    }

    /** True while {@code c} waits here (requests that reach it meanwhile wait too). */
    boolean holds(Connection c) {
        for (Held h : held) {
            if (h.connection() == c) {
                return true;
            }
        }
        return false;
    }

    /** The server serves again: hands every held connection, oldest first, to {@code handler}. */
    void release(BiConsumer<Connection, ConnectRequestFrame> handler) {
        List<Held> all = new ArrayList<>(held);
        held.clear();
        for (Held h : all) {
            if (!h.connection().closed) {
                handler.accept(h.connection(), h.frame());
            }
        }
    }

    /** Gives up on requests held past their deadline (and forgets closed ones). */
    void expire(long nowMs, Consumer<Connection> onExpired) {
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            if (h.connection().closed) {
                it.remove();
            } else if (nowMs >= h.deadlineMs()) {
                it.remove();
                onExpired.accept(h.connection());
            }
        }
    }

    int size() {
        return held.size();
    }

    @Override
    public String toString() {
        return "HeldConnects{" + held.size() + "}";
    }
}
