package dev.schism.node.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fsync thread. The core thread appends records and calls {@link #appended}; this thread forces the log
 * and reports the highest zxid that is now durable. While one fsync runs, further appends accumulate, so
 * under load one fsync covers many proposals (see {@link #fsyncs()} and {@link #records()}).
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Receives durability reports on the fsync thread (or the caller's thread when fsync is off). */
    public interface Listener {
        void durable(long zxid, long generation);

        void failed(RuntimeException e);
    }

    private final TxnLog log;
    private final Listener listener;
    private final boolean forceSync;
    private final Thread thread;
    private long target = -1;
    private long durable = -1;
    private long generation;
    private boolean closed;
    private long fsyncs;
    private long records;
    private long syncedRecords;
    private long pendingRecords;

    public GroupCommit(TxnLog log, boolean forceSync, String threadName, Listener listener) {
        this.log = log;
        this.forceSync = forceSync;
        this.listener = listener;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        if (forceSync) {
            thread.start();
        }
    }

    /** Records up to {@code zxid} were appended ({@code count} of them). */
    public void appended(long zxid, int count) {
        long gen;
        synchronized (this) {
            records += count;
            pendingRecords += count;
            target = Math.max(target, zxid);
            gen = generation;
            notifyAll();
        }
        if (!forceSync) {
            listener.durable(zxid, gen);
        }
    }

    /** The log was truncated or replaced: forget earlier targets; reports of older generations are stale. */
    public synchronized long newGeneration() {
        generation++;
        target = -1;
        durable = -1;
        return generation;
    }

    public synchronized long generation() {
        return generation;
    }

    public synchronized long fsyncs() {
        return fsyncs;
    }

    /** Records appended so far. */
    public synchronized long records() {
        return records;
    }

    /** Records covered by completed fsyncs (records / fsyncs is the group-commit factor). */
    public synchronized long syncedRecords() {
        return syncedRecords;
    }

    private void run() {
        while (true) {
            long t;
            long gen;
            long batch;
            synchronized (this) {
                while (!closed && target <= durable) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                t = target;
                gen = generation;
                batch = pendingRecords;
                pendingRecords = 0;
            }
            try {
                log.force();
            } catch (RuntimeException e) {
                LOG.error("txn log fsync failed; the server cannot acknowledge anything any more", e);
                listener.failed(e);
                return;
            }
            boolean report;
            synchronized (this) {
                fsyncs++;
                syncedRecords += batch;
                report = gen == generation;
                if (report) {
                    durable = Math.max(durable, t);
                }
            }
            if (report) {
                listener.durable(t, gen);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized String toString() {
        return "GroupCommit{target=" + target + " durable=" + durable + " fsyncs=" + fsyncs + " records=" + records
                + "}";
    }
}
