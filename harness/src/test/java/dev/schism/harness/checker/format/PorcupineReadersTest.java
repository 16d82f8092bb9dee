package dev.schism.harness.checker.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PorcupineReadersTest {
    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void etcdLinesWithTabsOrSpaces() throws IOException {
        History h = HistoryFormat.PORCUPINE_ETCD.read(write("e.log", """
                INFO  jepsen.util - 3\t:invoke\t:cas\t[1 4]
                INFO  jepsen.util - 3   :fail   :cas    [1 4]

                INFO  jepsen.util - 8   :invoke :read   nil
                INFO  jepsen.util - 8   :fail   :read   :timed-out
                """));
        assertEquals(List.of(
                new Op(0, -1, 3, OpType.INVOKE, "cas", List.of(1L, 4L), null, null),
                new Op(1, -1, 3, OpType.FAIL, "cas", List.of(1L, 4L), null, null),
                new Op(2, -1, 8, OpType.INVOKE, "read", null, null, null),
                new Op(3, -1, 8, OpType.FAIL, "read", "timed-out", null, null)), h.ops());
    }

    @Test
    void etcdErrorsNameFileAndLine() throws IOException {
        Path p = write("e.log", "INFO  jepsen.util - 3\t:invoke\t:read\tnil\nsomething else\n");
        IOException e = assertThrows(IOException.class, () -> HistoryFormat.PORCUPINE_ETCD.read(p));
        assertEquals(p + ":2: expected 'INFO jepsen.util - <process> :<type> :<f> <value>'", e.getMessage());
        Path q = write("f.log", "INFO  jepsen.util - x\t:invoke\t:read\tnil\n");
        e = assertThrows(IOException.class, () -> HistoryFormat.PORCUPINE_ETCD.read(q));
        assertEquals(q + ":1: expected an integer process, got 'x'", e.getMessage());
        Path r = write("g.log", "INFO  jepsen.util - 1\t:invoke\t:cas\t[1 4\n");
        e = assertThrows(IOException.class, () -> HistoryFormat.PORCUPINE_ETCD.read(r));
        assertEquals(r + ":1: expected an EDN value, got '[1 4'", e.getMessage());
    }

    @Test
    void kvMapsBecomeKeyValueTuples() throws IOException {
        History h = HistoryFormat.PORCUPINE_KV.read(write("k.txt", """
                {:process 4, :type :invoke, :f :get, :key "5", :value nil}
                {:process 4, :type :ok, :f :get, :key "5", :value "x 9 1 y"}
                """));
        assertEquals(java.util.Arrays.asList("5", null), h.ops().get(0).value());
        assertEquals(List.of("5", "x 9 1 y"), h.ops().get(1).value());
        Path bad = write("b.txt", "{:process 4, :type :invoke, :f :get, :key \"5\", :value nil}\n"
                + "{:process 4, :type :ok, :f :get, :value \"x\"}\n");
        IOException e = assertThrows(IOException.class, () -> HistoryFormat.PORCUPINE_KV.read(bad));
        assertEquals(bad + ":2: expected :key in kv op map", e.getMessage());
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryFormat.byName("csv"));
        assertEquals("unknown format 'csv' (expected one of edn, jsonl, porcupine-etcd, porcupine-kv)", e.getMessage());
    }
}
