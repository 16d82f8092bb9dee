package dev.schism.results.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsThroughTheFile() throws Exception {
        Path f = dir.resolve("history.jsonl");
        try (HistoryWriter w = new HistoryWriter(f)) {
            w.append(Op.invoke(3, "cas", List.of(1L, 2L)), 10);
            w.append(new Op(-1, -1, 3, OpType.OK, "cas", List.of(1L, 2L), "n2", null), 20);
            w.append(new Op(-1, -1, Op.NEMESIS, OpType.INFO, "partition", "halves", null, null), 30);
        }
        History h = HistoryReader.read(f);
        assertEquals(3, h.size());
        assertEquals(new Op(1, 20, 3, OpType.OK, "cas", List.of(1L, 2L), "n2", null), h.ops().get(1));
        assertTrue(h.ops().get(2).isNemesis());
        assertEquals(2, h.clientOps().size());
    }

    @Test
    void tornLastLineIsSkippedButBadMiddleLineIsNamed() throws Exception {
        Path f = dir.resolve("h.jsonl");
        Files.writeString(f, "{\"process\":1,\"type\":\"invoke\",\"f\":\"read\"}\n{\"process\":1,\"ty");
        assertEquals(1, HistoryReader.read(f).size());
        Files.writeString(f, "{\"process\":1,\"type\":\"bogus\",\"f\":\"read\"}\n{\"process\":1,\"type\":\"ok\",\"f\":\"read\"}\n");
        Exception e = assertThrows(java.io.IOException.class, () -> HistoryReader.read(f));
        assertTrue(e.getMessage().contains("h.jsonl:1: unknown op type 'bogus'"), e.getMessage());
    }

    @Test
    void aBrokenLineSaysWhyInJsonTermsOnly() throws Exception {
        Path f = dir.resolve("h.jsonl");
        Files.writeString(f, "{\"process\":1,\"type\":\"invoke\"\n{\"process\":1,\"type\":\"ok\",\"f\":\"read\"}\n");
        Exception e = assertThrows(java.io.IOException.class, () -> HistoryReader.read(f));
        assertEquals(f + ":1: not a JSON object: Unexpected end-of-input: expected close marker for Object (column 29)",
                e.getMessage());
    }
}
