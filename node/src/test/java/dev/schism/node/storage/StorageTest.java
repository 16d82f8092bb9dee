package dev.schism.node.storage;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import dev.schism.node.core.DurableState;
import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Txn;
import dev.schism.node.core.Zxid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static dev.schism.node.storage.TxnLogTest.txns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageTest {
    @TempDir
    Path dir;
    private Storage storage;
    private final AtomicLong durable = new AtomicLong(-1);

    private Storage open() {
        storage = Storage.open(dir, dir.resolve("log"), new Storage.Options(true, 3, 1 << 20, "test"));
        storage.startGroupCommit(new GroupCommit.Listener() {
            @Override
            public void durable(long zxid, long generation) {
                durable.accumulateAndGet(zxid, Math::max);
            }

            @Override
            public void failed(RuntimeException e) {
                throw e;
            }
        });
        return storage;
    }

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private void awaitDurable(long zxid) {
        await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .until(() -> durable.get() >= zxid);
        assertEquals(zxid, durable.get());
    }

    @Test
    void freshDirectoryStartsAtEpochZero() {
        DurableState s = open().recovered();
        assertEquals(0, s.acceptedEpoch());
        assertEquals(0, s.currentEpoch());
        assertNull(s.snapshot());
        assertEquals(List.of(), s.log());
        assertTrue(Files.exists(dir.resolve("acceptedEpoch")));
    }

    @Test
    void groupCommitReportsDurabilityAndRecoveryReadsItBack() throws Exception {
        open();
        storage.saveAcceptedEpoch(1);
        storage.saveCurrentEpoch(1);
        List<Txn> all = txns(1, 1, 500);
        for (int i = 0; i < all.size(); i += 5) {
            storage.append(all.subList(i, i + 5));
        }
        awaitDurable(Zxid.make(1, 500));
        GroupCommit gc = storage.groupCommit();
        assertEquals(500, gc.records());
        assertTrue(gc.fsyncs() >= 1 && gc.fsyncs() <= 100, "fsyncs=" + gc.fsyncs());
        storage.close();
        DurableState s = open().recovered();
        assertEquals(1, s.acceptedEpoch());
        assertEquals(1, s.currentEpoch());
        assertEquals(all, s.log());
    }

    @Test
    void snapshotsBoundTheRecoveredLogAndPurgeOldOnes() throws Exception {
        open();
        storage.saveAcceptedEpoch(1);
        storage.saveCurrentEpoch(1);
        storage.append(txns(1, 1, 20));
        awaitDurable(Zxid.make(1, 20));
        CountDownLatch done = new CountDownLatch(4);
        for (int c = 5; c <= 20; c += 5) {
            storage.snapshotAsync(new Snapshot(Zxid.make(1, c), new byte[] {(byte) c}), z -> done.countDown());
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(3, storage.snapshots().files().size());
        storage.close();
        DurableState s = open().recovered();
        assertEquals(Zxid.make(1, 20), s.snapshot().zxid());
        assertEquals(List.of(), s.log());
        assertEquals(Zxid.make(1, 20), s.lastLoggedZxid());
    }

    @Test
    void installedSnapshotReplacesTheLog() throws Exception {
        open();
        storage.saveAcceptedEpoch(2);
        storage.saveCurrentEpoch(1);
        storage.append(txns(1, 1, 10));
        awaitDurable(Zxid.make(1, 10));
        storage.installSnapshot(new Snapshot(Zxid.make(2, 4), "leader".getBytes(StandardCharsets.UTF_8)));
        storage.saveCurrentEpoch(2);
        storage.append(txns(2, 5, 6));
        awaitDurable(Zxid.make(2, 6));
        storage.close();
        DurableState s = open().recovered();
        assertEquals(Zxid.make(2, 4), s.snapshot().zxid());
        assertEquals(txns(2, 5, 6), s.log());
    }

    @Test
    void truncationIsDurable() throws Exception {
        open();
        storage.saveAcceptedEpoch(1);
        storage.saveCurrentEpoch(1);
        storage.append(txns(1, 1, 10));
        awaitDurable(Zxid.make(1, 10));
        storage.truncateAfter(Zxid.make(1, 6));
        storage.close();
        assertEquals(txns(1, 1, 6), open().recovered().log());
    }

    @Test
    void acceptedBehindCurrentRefusesToStart() throws Exception {
        Files.writeString(dir.resolve("acceptedEpoch"), "3\n");
        Files.writeString(dir.resolve("currentEpoch"), "4\n");
        StorageException e = assertThrows(StorageException.class, this::open);
        assertEquals(dir.resolve("acceptedEpoch") + ": acceptedEpoch 3 is less than currentEpoch 4; refusing to start",
                e.getMessage());
    }

    @Test
    void garbageEpochFileIsNamed() throws Exception {
        Files.writeString(dir.resolve("currentEpoch"), "four\n");
        StorageException e = assertThrows(StorageException.class, this::open);
        assertEquals(dir.resolve("currentEpoch") + ": 'four' is not an epoch (a non-negative number)", e.getMessage());
    }

    @Test
    void currentEpochRecoveredFromTempFile() throws Exception {
        open();
        storage.saveAcceptedEpoch(2);
        storage.saveCurrentEpoch(1);
        storage.snapshotAsync(new Snapshot(Zxid.make(2, 0), new byte[0]), z -> { });
        storage.close();
        storage = null;
        // A crash between writing currentEpoch.tmp and renaming it.
        Files.writeString(dir.resolve("currentEpoch.tmp"), "2\n");
        DurableState s = open().recovered();
        assertEquals(2, s.currentEpoch());
        assertEquals("2", Files.readString(dir.resolve("currentEpoch")).strip());
    }

    @Test
    void snapshotAheadOfCurrentEpochRefuses() throws Exception {
        open();
        storage.saveAcceptedEpoch(3);
        storage.saveCurrentEpoch(1);
        storage.snapshotAsync(new Snapshot(Zxid.make(3, 2), new byte[0]), z -> { });
        storage.close();
        storage = null;
        StorageException e = assertThrows(StorageException.class, this::open);
        assertEquals(dir + ": the snapshot holds epoch 3 but currentEpoch is 1; refusing to start", e.getMessage());
    }

    @Test
    void logAheadOfAcceptedEpochRefuses() throws Exception {
        open();
        storage.append(txns(1, 1, 2));
        awaitDurable(Zxid.make(1, 2));
        storage.close();
        storage = null;
        Files.writeString(dir.resolve("acceptedEpoch"), "0\n");
        Files.writeString(dir.resolve("currentEpoch"), "0\n");
        StorageException e = assertThrows(StorageException.class, this::open);
        assertEquals(dir + ": the txn log holds epoch 1 but acceptedEpoch is only 0; refusing to start", e.getMessage());
    }
}
