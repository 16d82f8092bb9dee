package dev.schism.node.storage;

import dev.schism.node.core.Snapshot;
import dev.schism.node.core.Zxid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    private static Snapshot snap(long zxid) {
        return new Snapshot(zxid, ("state@" + zxid).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripAndNewestWins() {
        SnapshotStore store = new SnapshotStore(dir);
        assertNull(store.loadLatest());
        store.write(snap(Zxid.make(1, 5)));
        Path p = store.write(snap(Zxid.make(2, 3)));
        assertEquals("snapshot.200000003", p.getFileName().toString());
        Snapshot s = store.loadLatest();
        assertEquals(Zxid.make(2, 3), s.zxid());
        assertArrayEquals(snap(Zxid.make(2, 3)).data(), s.data());
    }

    @Test
    void corruptNewestFallsBackToOlder() throws Exception {
        SnapshotStore store = new SnapshotStore(dir);
        store.write(snap(Zxid.make(1, 5)));
        Path newest = store.write(snap(Zxid.make(1, 9)));
        try (RandomAccessFile f = new RandomAccessFile(newest.toFile(), "rw")) {
            f.seek(22);
            f.write('#');
        }
        StorageException e = assertThrows(StorageException.class, () -> SnapshotStore.read(newest));
        assertTrue(e.getMessage().startsWith(newest + ": bad CRC at byte offset"), e.getMessage());
        assertEquals(Zxid.make(1, 5), store.loadLatest().zxid());
    }

    @Test
    void truncatedSnapshotIsRejected() throws Exception {
        SnapshotStore store = new SnapshotStore(dir);
        Path p = store.write(snap(7));
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(f.length() - 6);
        }
        assertNull(store.loadLatest());
    }

    @Test
    void purgeKeepsTheNewestAndLeftoverTempFilesGo() throws Exception {
        SnapshotStore store = new SnapshotStore(dir);
        for (int i = 1; i <= 5; i++) {
            store.write(snap(Zxid.make(1, i)));
        }
        Files.writeString(dir.resolve("snapshot.1000000ff.tmp"), "half");
        assertEquals(Zxid.make(1, 3), store.purge(3));
        assertEquals(3, store.files().size());
        assertFalse(Files.exists(dir.resolve("snapshot.1000000ff.tmp")));
        store.deleteAfter(Zxid.make(1, 4));
        assertEquals(Zxid.make(1, 4), store.loadLatest().zxid());
    }
}
