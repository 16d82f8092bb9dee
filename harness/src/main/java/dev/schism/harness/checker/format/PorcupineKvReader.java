package dev.schism.harness.checker.format;

import dev.schism.results.edn.EdnHistoryReader;
import dev.schism.results.edn.EdnParseException;
import dev.schism.results.edn.EdnReader;
import dev.schism.results.edn.Keyword;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the key-value logs of Porcupine's test data: one EDN map per line,
 * {@code {:process 4, :type :ok, :f :get, :key "5", :value "x 9 1 y"}}. The key and value become Jepsen's
 * independent-key tuple {@code [key value]}, the shape the kv model reads.
 */
public final class PorcupineKvReader {
    private static final Keyword KEY = Keyword.of("key");

    private PorcupineKvReader() {
    }

    public static History read(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        String source = file.toString();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             EdnReader r = new EdnReader(in, source)) {
            for (Object form = r.next(); form != EdnReader.EOF; form = r.next()) {
                int line = r.elementLine();
                Op op = EdnHistoryReader.toOp(form, source, line, ops.size());
                Object key = ((Map<?, ?>) form).get(KEY);
                if (key == null) {
                    throw new EdnParseException(source, line, "expected :key in kv op map");
                }
                ops.add(op.withValue(Arrays.asList(EdnHistoryReader.plain(key), op.value())));
            }
        }
        return new History(ops);
    }
}
