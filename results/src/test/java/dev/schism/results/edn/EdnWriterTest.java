package dev.schism.results.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdnWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesJepsenOpMapsOnePerLine() throws Exception {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("zxid", "0x300000001");
        v.put("epoch", 3L);
        v.put("a b", List.of(1L, 2.5, true));
        History h = new History(List.of(
                new Op(0, 10, 2, OpType.INVOKE, "write", 7L, null, null),
                new Op(1, 20, 2, OpType.OK, "write", v, "n1", null),
                new Op(2, 30, Op.NEMESIS, OpType.INFO, "start-partition", Map.of("n1", List.of("n2")), null, null),
                new Op(3, 40, 4, OpType.INFO, "write", null, "n2", "timeout \"5 s\"\n")));
        Path f = dir.resolve("history.edn");
        EdnWriter.write(f, h);
        assertEquals(List.of(
                "{:index 0, :time 10, :type :invoke, :process 2, :f :write, :value 7}",
                "{:index 1, :time 20, :type :ok, :process 2, :f :write, :value {:zxid \"0x300000001\", :epoch 3, \"a b\" [1 2.5 true]}, :node \"n1\"}",
                "{:index 2, :time 30, :type :info, :process :nemesis, :f :start-partition, :value {:n1 [\"n2\"]}}",
                "{:index 3, :time 40, :type :info, :process 4, :f :write, :value nil, :node \"n2\", :error \"timeout \\\"5 s\\\"\\n\"}"),
                Files.readAllLines(f));
    }
}
