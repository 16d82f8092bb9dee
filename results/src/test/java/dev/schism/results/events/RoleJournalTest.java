package dev.schism.results.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleJournalTest {
    @TempDir
    Path dir;

    @Test
    void mergesJournalsByTimeAndSkipsATornTail() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Files.writeString(a, """
                {"t":100,"node":1,"event":"LOOKING","epoch":-1,"leader":-1,"zxid":"0x0"}
                {"t":300,"node":1,"event":"LEADING","epoch":1,"leader":1,"zxid":"0x100000000"}
                {"t":400,"node":1,"eve""");
        Files.writeString(b, """
                {"t":100,"node":2,"event":"LOOKING","epoch":-1,"leader":-1,"zxid":"0x0"}
                {"t":250,"node":2,"event":"FOLLOWING","epoch":1,"leader":1,"zxid":"0x0"}
                """);
        List<RoleEvent> merged = RoleJournal.merge(List.of(b, a, dir.resolve("missing.jsonl")));
        assertEquals(List.of("t=100 n1 LOOKING epoch=-1 leader=n-1 zxid=0x0",
                "t=100 n2 LOOKING epoch=-1 leader=n-1 zxid=0x0",
                "t=250 n2 FOLLOWING epoch=1 leader=n1 zxid=0x0",
                "t=300 n1 LEADING epoch=1 leader=n1 zxid=0x100000000"),
                merged.stream().map(RoleEvent::toString).toList());
        Path out = dir.resolve("events.jsonl");
        RoleJournal.write(out, merged);
        assertEquals(merged, RoleJournal.read(out));
    }

    @Test
    void badLineInTheMiddleNamesFileLineAndField() throws Exception {
        Path a = dir.resolve("events.jsonl");
        Files.writeString(a, """
                {"t":100,"node":1,"event":"WINNING","epoch":1,"leader":1}
                {"t":300,"node":1,"event":"LEADING","epoch":1,"leader":1}
                """);
        IOException e = assertThrows(IOException.class, () -> RoleJournal.read(a));
        assertTrue(e.getMessage().endsWith("events.jsonl:1: field 'event' is 'WINNING', expected LEADING, FOLLOWING, OBSERVING or LOOKING"),
                e.getMessage());
        Files.writeString(a, "{\"node\":1,\"event\":\"LEADING\"}\n{}\n");
        e = assertThrows(IOException.class, () -> RoleJournal.read(a));
        assertTrue(e.getMessage().endsWith("events.jsonl:1: missing field 't'"), e.getMessage());
    }
}
