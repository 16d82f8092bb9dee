package dev.schism.results.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsTimestampedFolderAndPointsLatestAtIt() throws Exception {
        RunStore store = new RunStore(dir.resolve("store"));
        Instant t = Instant.parse("2026-11-22T06:01:02.345Z");
        RunFolder a = store.create("election", t);
        assertEquals(dir.resolve("store/election/20261122T060102.345"), a.dir());
        assertEquals(a.dir().toRealPath(), dir.resolve("store/latest").toRealPath());
        assertTrue(Files.isSymbolicLink(dir.resolve("store/latest")));
        // Same millisecond again: the next free name, and latest moves.
        RunFolder b = store.create("election", t);
        assertEquals(dir.resolve("store/election/20261122T060102.346"), b.dir());
        assertEquals(b.dir().toRealPath(), dir.resolve("store/latest").toRealPath());
        assertEquals(a.dir().resolve("nodes/n3"), a.nodeDir("n3"));
        assertTrue(Files.isDirectory(a.nodeDir("n3")));
    }

    @Test
    void rejectsTestNamesThatAreNotFolderNames() {
        RunStore store = new RunStore(dir);
        Exception e = assertThrows(IllegalArgumentException.class, () -> store.create("../x", Instant.now()));
        assertTrue(e.getMessage().contains("'../x'"), e.getMessage());
    }

    @Test
    void openRequiresAHistory() throws Exception {
        Exception missing = assertThrows(java.io.IOException.class, () -> RunFolder.open(dir.resolve("gone")));
        assertTrue(missing.getMessage().endsWith("gone: no such run folder"), missing.getMessage());
        Exception e = assertThrows(java.io.IOException.class, () -> RunFolder.open(dir));
        assertTrue(e.getMessage().contains("no history.jsonl"), e.getMessage());
        Files.writeString(dir.resolve("history.jsonl"), "");
        assertEquals(dir.toRealPath(), RunFolder.open(dir).dir());
    }

    @Test
    void jsonLinesAppendAcrossWriters() throws Exception {
        Path f = dir.resolve("faults.jsonl");
        try (JsonLinesWriter w = new JsonLinesWriter(f)) {
            w.append(Map.of("f", "kill"));
        }
        try (JsonLinesWriter w = new JsonLinesWriter(f)) {
            w.append(List.of(1, 2));
        }
        assertEquals(List.of("{\"f\":\"kill\"}", "[1,2]"), Files.readAllLines(f));
    }
}
