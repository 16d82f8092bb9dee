package dev.schism.node.server;

import dev.schism.node.core.Role;
import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Zxid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EventJournalTest {
    @TempDir
    Path dir;

    @Test
    void linesHaveTheDocumentedShapeAndAreReadableAtOnce() throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (EventJournal j = new EventJournal(file)) {
            j.append(EventJournal.line(1700000000123L, 3, new RoleChange(Role.LEADING, 2, 3, Zxid.make(2, 0), true)));
            assertEquals(List.of("{\"t\":1700000000123,\"node\":3,\"event\":\"LEADING\",\"epoch\":2,\"leader\":3,"
                    + "\"zxid\":\"0x200000000\"}"), Files.readAllLines(file), "flushed without close");
            j.append(EventJournal.line(1700000000456L, 3, new RoleChange(Role.LOOKING, -1, -1, Zxid.make(2, 7), false)));
        }
        try (EventJournal again = new EventJournal(file)) {
            again.append(EventJournal.line(5, 3, new RoleChange(Role.FOLLOWING, 4, 1, 0, true)));
        }
        assertEquals(List.of(
                "{\"t\":1700000000123,\"node\":3,\"event\":\"LEADING\",\"epoch\":2,\"leader\":3,\"zxid\":\"0x200000000\"}",
                "{\"t\":1700000000456,\"node\":3,\"event\":\"LOOKING\",\"epoch\":-1,\"leader\":-1,\"zxid\":\"0x200000007\"}",
                "{\"t\":5,\"node\":3,\"event\":\"FOLLOWING\",\"epoch\":4,\"leader\":1,\"zxid\":\"0x0\"}"),
                Files.readAllLines(file), "a restarted server appends");
    }
}
