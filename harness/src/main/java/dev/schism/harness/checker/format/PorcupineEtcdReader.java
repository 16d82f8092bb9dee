package dev.schism.harness.checker.format;

import dev.schism.results.edn.EdnHistoryReader;
import dev.schism.results.edn.EdnParseException;
import dev.schism.results.edn.EdnReader;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Jepsen etcd logs of Porcupine's test data, one op per line:
 * {@code INFO  jepsen.util - 3	:invoke	:cas	[1 4]} (tabs or spaces). Blank lines are skipped; any other
 * line that is not an op is an error naming the file and line.
 */
public final class PorcupineEtcdReader {
    private static final String MARK = "jepsen.util - ";

    private PorcupineEtcdReader() {
    }

    public static History read(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        String source = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                ops.add(parseLine(line, source, lineNo, ops.size()));
            }
        }
        return new History(ops);
    }

    static Op parseLine(String line, String source, int lineNo, int position) throws EdnParseException {
        int at = line.indexOf(MARK);
        if (at < 0) {
            throw new EdnParseException(source, lineNo, "expected 'INFO jepsen.util - <process> :<type> :<f> <value>'");
        }
        String[] fields = line.substring(at + MARK.length()).trim().split("\\s+", 4);
        if (fields.length < 4) {
            throw new EdnParseException(source, lineNo, "expected 4 fields after 'jepsen.util - ' (process, type, f,"
                    + " value), got " + fields.length);
        }
        long process;
        try {
            process = Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            throw new EdnParseException(source, lineNo, "expected an integer process, got '" + fields[0] + "'");
        }
        if (!fields[1].startsWith(":") || !fields[2].startsWith(":")) {
            throw new EdnParseException(source, lineNo, "expected keywords for type and f, got '" + fields[1] + "' '"
                    + fields[2] + "'");
        }
        OpType type;
        try {
            type = OpType.fromWire(fields[1].substring(1));
        } catch (IllegalArgumentException e) {
            throw new EdnParseException(source, lineNo, "expected type :invoke, :ok, :fail or :info, got "
                    + fields[1]);
        }
        Object value;
        try {
            value = EdnHistoryReader.plain(EdnReader.parse(fields[3]));
        } catch (EdnParseException e) {
            throw new EdnParseException(source, lineNo, "expected an EDN value, got '" + fields[3] + "'");
        }
        return new Op(position, -1, process, type, fields[2].substring(1), value, null, null);
    }
}
