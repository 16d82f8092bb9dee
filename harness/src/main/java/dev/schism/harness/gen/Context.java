package dev.schism.harness.gen;

import dev.schism.results.history.Op;
import java.util.Arrays;
import java.util.BitSet;

/**
 * What a generator sees when asked: the time (ns since the run started), the worker threads it may use
 * (a combinator can narrow them), which of those are free, and each thread's current process. Client
 * threads are 0..clients-1; the nemesis thread is {@link #NEMESIS}. A client thread starts as process
 * = thread and becomes process + clients each time an op ends indeterminate (info). Immutable.
 */
public final class Context {
    /** The nemesis thread. */
    public static final int NEMESIS = -1;

    private final long time;
    private final int clients;
    private final boolean nemesis;
    private final long[] processes;
    private final BitSet free;
    private final boolean nemesisFree;
    private final BitSet visible;
    private final boolean nemesisVisible;
    private final long rotation;

    private Context(long time, int clients, boolean nemesis, long[] processes, BitSet free, boolean nemesisFree,
                    BitSet visible, boolean nemesisVisible, long rotation) {
        this.time = time;
        this.clients = clients;
        this.nemesis = nemesis;
        this.processes = processes;
        this.free = free;
        this.nemesisFree = nemesisFree;
        this.visible = visible;
        this.nemesisVisible = nemesisVisible;
        this.rotation = rotation;
    }

    /** All threads free at time 0; {@code nemesis} says whether there is a nemesis thread. */
    public static Context start(int clients, boolean nemesis) {
        if (clients < 0) {
            throw new IllegalArgumentException("clients must be >= 0, got " + clients);
        }
        long[] p = new long[clients];
        for (int i = 0; i < clients; i++) {
            p[i] = i;
        }
        BitSet all = new BitSet();
        all.set(0, clients);
        return new Context(0, clients, nemesis, p, all, nemesis, (BitSet) all.clone(), nemesis, 0);
    }

    public long time() {
        return time;
    }

    public int clients() {
        return clients;
    }

    public Context withTime(long t) {
        return new Context(t, clients, nemesis, processes, free, nemesisFree, visible, nemesisVisible, rotation);
    }

    /** The process the thread currently runs as. */
    public long process(int thread) {
        if (thread == NEMESIS) {
            return Op.NEMESIS;
        }
        return processes[thread];
    }

    /** The thread that runs (or ran) a process. */
    public int threadOf(long process) {
        if (process == Op.NEMESIS) {
            return NEMESIS;
        }
        return (int) (process % clients);
    }

    public boolean isVisible(int thread) {
        return thread == NEMESIS ? nemesisVisible : thread >= 0 && visible.get(thread);
    }

    public boolean isFree(int thread) {
        return isVisible(thread) && (thread == NEMESIS ? nemesisFree : free.get(thread));
    }

    /** Visible threads, nemesis first, then clients ascending. */
    public int[] threads() {
        int[] c = visible.stream().toArray();
        if (!nemesisVisible) {
            return c;
        }
        int[] all = new int[c.length + 1];
        all[0] = NEMESIS;
        System.arraycopy(c, 0, all, 1, c.length);
        return all;
    }

    /** Visible threads that are free, in {@link #threads()} order. */
    public int[] freeThreads() {
        return Arrays.stream(threads()).filter(this::isFree).toArray();
    }

    /** Whether every visible thread is free (nothing in flight here). */
    public boolean allFree() {
        return freeThreads().length == threads().length;
    }

    /**
     * A free thread for the next op, or -2 if none: a client thread chosen round-robin (the first free one
     * at or after rotation mod clients, so load spreads over threads and their nodes), else the nemesis.
     */
    public int pickFreeThread() {
        BitSet f = (BitSet) visible.clone();
        f.and(free);
        if (!f.isEmpty()) {
            int start = clients == 0 ? 0 : (int) (rotation % clients);
            int t = f.nextSetBit(start);
            return t >= 0 ? t : f.nextSetBit(0);
        }
        return nemesisVisible && nemesisFree ? NEMESIS : -2;
    }

    /** Only client threads are visible. */
    public Context clientsOnly() {
        return new Context(time, clients, nemesis, processes, free, nemesisFree, visible, false, rotation);
    }

    /** Only the nemesis thread is visible. */
    public Context nemesisOnly() {
        return new Context(time, clients, nemesis, processes, free, nemesisFree, new BitSet(), nemesisVisible, rotation);
    }

    /** Only client threads in [from, to) that were already visible. */
    public Context clientRange(int from, int to) {
        BitSet v = new BitSet();
        v.set(Math.max(0, from), Math.max(Math.max(0, from), Math.min(to, clients)));
        v.and(visible);
        return new Context(time, clients, nemesis, processes, free, nemesisFree, v, false, rotation);
    }

    /** Only this one thread (if it was visible). */
    public Context onlyThread(int thread) {
        if (thread == NEMESIS) {
            return nemesisOnly();
        }
        return clientRange(thread, thread + 1);
    }

    /** The thread is running an op. */
    public Context busy(int thread) {
        if (thread == NEMESIS) {
            return new Context(time, clients, nemesis, processes, free, false, visible, nemesisVisible, rotation + 1);
        }
        BitSet f = (BitSet) free.clone();
        f.clear(thread);
        return new Context(time, clients, nemesis, processes, f, nemesisFree, visible, nemesisVisible, rotation + 1);
    }

    /** The thread finished its op; after an indeterminate (info) result it continues as a new process. */
    public Context done(int thread, boolean newProcess) {
        if (thread == NEMESIS) {
            return new Context(time, clients, nemesis, processes, free, true, visible, nemesisVisible, rotation);
        }
        BitSet f = (BitSet) free.clone();
        f.set(thread);
        long[] p = processes;
        if (newProcess) {
            p = processes.clone();
            p[thread] += clients;
        }
        return new Context(time, clients, nemesis, p, f, nemesisFree, visible, nemesisVisible, rotation);
    }

    /** One line: {@code ctx t=1500 free=[-1, 0, 2] of [-1, 0, 1, 2]}. */
    @Override
    public String toString() {
        return "ctx t=" + time + " free=" + Arrays.toString(freeThreads()) + " of " + Arrays.toString(threads());
    }
}
