package dev.schism.node.storage;

import dev.schism.node.core.DurableState;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * One server's durable state: epoch files and snapshots in the data directory, the txn log in the log
 * directory, the group-commit thread and a background snapshot writer. Recovery and its startup checks
 * happen in {@link #open}; afterwards the core thread drives it in the order {@code Ready} prescribes.
 */
public final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

    /** Tunables of the storage layer. */
    public record Options(boolean forceSync, int snapRetainCount, long segmentBytes, String threadPrefix) {
        public static Options defaults() {
            return new Options(true, 3, DEFAULT_SEGMENT_BYTES, "storage");
        }
    }

    private final Path dataDir;
    private final Options options;
    private final EpochFiles epochs;
    private final SnapshotStore snapshots;
    private final TxnLog log;
    private final DurableState recovered;
    private final ExecutorService snapshotWriter;
    private GroupCommit groupCommit;

    private Storage(Path dataDir, Path logDir, Options options) {
        this.dataDir = dataDir;
        this.options = options;
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException(dataDir + ": cannot create: " + e.getMessage(), e);
        }
        this.epochs = new EpochFiles(dataDir);
        this.snapshots = new SnapshotStore(dataDir);
        Snapshot snap = snapshots.loadLatest();
        long base = snap == null ? 0 : snap.zxid();
        this.log = new TxnLog(logDir, base, options.segmentBytes());
        List<Txn> txns = log.takeRecovered();
        long lastLogged = txns.isEmpty() ? base : txns.get(txns.size() - 1).zxid();
        long[] e = checkEpochs(Zxid.epoch(base), Zxid.epoch(lastLogged));
        this.recovered = new DurableState(e[0], e[1], snap, List.copyOf(txns));
        this.snapshotWriter = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, options.threadPrefix() + "-snapshot");
            t.setDaemon(true);
            return t;
        });
        LOG.info("recovered {} from {} and {}", recovered, dataDir, logDir);
    }

    public static Storage open(Path dataDir, Path logDir, Options options) {
        return new Storage(dataDir, logDir, options);
    }

    /** Starts the fsync thread; durability reports go to {@code listener}. */
    public void startGroupCommit(GroupCommit.Listener listener) {
        groupCommit = new GroupCommit(log, options.forceSync(), options.threadPrefix() + "-fsync", listener);
    }

    private long[] checkEpochs(long snapEpoch, long loggedEpoch) {
        long accepted = epochs.read(EpochFiles.ACCEPTED);
        long current = epochs.read(EpochFiles.CURRENT);
        if (current < 0) {
            long tmp = epochs.readTemp(EpochFiles.CURRENT);
            current = tmp >= 0 ? tmp : loggedEpoch;
            LOG.info("{}: missing; initialised to {}", dataDir.resolve(EpochFiles.CURRENT), current);
            epochs.write(EpochFiles.CURRENT, current);
        }
        if (accepted < 0) {
            accepted = Math.max(current, loggedEpoch);
            LOG.info("{}: missing; initialised to {}", dataDir.resolve(EpochFiles.ACCEPTED), accepted);
            epochs.write(EpochFiles.ACCEPTED, accepted);
        }
        if (accepted < current) {
            throw new StorageException(dataDir.resolve(EpochFiles.ACCEPTED) + ": acceptedEpoch " + accepted
                    + " is less than currentEpoch " + current + "; refusing to start");
        }
        if (snapEpoch > current || loggedEpoch > current) {
            long tmp = epochs.readTemp(EpochFiles.CURRENT);
            long needed = Math.max(snapEpoch, loggedEpoch);
            if (tmp >= needed && tmp <= accepted) {
                LOG.warn("{}: currentEpoch {} is behind the data (epoch {}); recovered {} from currentEpoch.tmp",
                        dataDir, current, needed, tmp);
                current = tmp;
                epochs.write(EpochFiles.CURRENT, current);
            } else if (snapEpoch > current) {
                throw new StorageException(dataDir + ": the snapshot holds epoch " + snapEpoch
                        + " but currentEpoch is " + current + "; refusing to start");
            } else {
                // Proposals of a new epoch may be logged during sync, before NEWLEADER sets currentEpoch.
                LOG.warn("{}: txn log reaches epoch {} while currentEpoch is {} (sync was interrupted)", dataDir,
                        loggedEpoch, current);
            }
        }
        if (loggedEpoch > accepted) {
            throw new StorageException(dataDir + ": the txn log holds epoch " + loggedEpoch
                    + " but acceptedEpoch is only " + accepted + "; refusing to start");
        }
        return new long[] {accepted, current};
    }

    public DurableState recovered() {
        return recovered;
    }

    public void saveAcceptedEpoch(long epoch) {
        epochs.write(EpochFiles.ACCEPTED, epoch);
    }

    public void saveCurrentEpoch(long epoch) {
        epochs.write(EpochFiles.CURRENT, epoch);
    }

    /**
     * Replaces everything with {@code snapshot} (a leader's SNAP). The old log goes first: a crash in between
     * leaves an older but consistent state, never the new snapshot followed by a divergent old log.
     */
    public synchronized void installSnapshot(Snapshot snapshot) {
        groupCommit.newGeneration();
        log.reset(snapshot.zxid());
        snapshots.deleteAfter(snapshot.zxid());
        snapshots.write(snapshot);
        snapshots.purge(options.snapRetainCount());
        LOG.info("installed {}", snapshot);
    }

    /** ZAB TRUNC: cuts the log after {@code zxid}, durably. */
    public synchronized void truncateAfter(long zxid) {
        groupCommit.newGeneration();
        log.truncateAfter(zxid);
        snapshots.deleteAfter(zxid);
        LOG.info("log truncated after {}", Zxid.hex(zxid));
    }

    /** Appends (core thread); the group-commit thread reports when they are durable. */
    public void append(List<Txn> txns) {
        if (txns.isEmpty()) {
            return;
        }
        log.append(txns);
        groupCommit.appended(txns.get(txns.size() - 1).zxid(), txns.size());
    }

    /** The current log generation; durability reports of older generations must be ignored. */
    public long generation() {
        return groupCommit.generation();
    }

    /** Writes the snapshot in the background, purges old files, then calls {@code done} with its zxid. */
    public void snapshotAsync(Snapshot snapshot, LongConsumer done) {
        snapshotWriter.execute(() -> {
            try {
                synchronized (this) {
                    snapshots.write(snapshot);
                    long oldestKept = snapshots.purge(options.snapRetainCount());
                    if (oldestKept >= 0) {
                        log.purgeUpTo(oldestKept);
                    }
                }
                LOG.info("snapshot {} written", snapshot);
                done.accept(snapshot.zxid());
            } catch (RuntimeException e) {
                LOG.error("snapshot {} failed", snapshot, e);
            }
        });
    }

    public GroupCommit groupCommit() {
        return groupCommit;
    }

    public TxnLog log() {
        return log;
    }

    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public void close() {
        snapshotWriter.shutdown();
        try {
            snapshotWriter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (groupCommit != null) {
            groupCommit.close();
        }
        log.close();
    }

    @Override
    public String toString() {
        return "Storage{" + dataDir + " " + log + "}";
    }
}
