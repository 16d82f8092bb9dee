package dev.schism.harness.checker.format;

import dev.schism.results.edn.EdnHistoryReader;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The history file formats the checker reads, by their command-line names. */
public enum HistoryFormat {
    /** Jepsen EDN: a vector of op maps, or one op map per line. */
    EDN("edn"),
    /** Schism's {@code history.jsonl}. */
    JSONL("jsonl"),
    /** Porcupine's Jepsen etcd logs ({@code INFO  jepsen.util - 3 :invoke :cas [1 4]}). */
    PORCUPINE_ETCD("porcupine-etcd"),
    /** Porcupine's key-value logs (EDN maps with {@code :key}). */
    PORCUPINE_KV("porcupine-kv");

    private final String cliName;

    HistoryFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The format with this name; throws IllegalArgumentException listing the known names. */
    public static HistoryFormat byName(String name) {
        for (HistoryFormat f : values()) {
            if (f.cliName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (expected one of "
                + Arrays.stream(values()).map(HistoryFormat::cliName).collect(Collectors.joining(", ")) + ")");
    }

    /** Reads a file; parse errors are IOExceptions whose message reads {@code file:line: expected ...}. */
    public History read(Path file) throws IOException {
        return switch (this) {
            case EDN -> EdnHistoryReader.read(file);
            case JSONL -> HistoryReader.read(file);
            case PORCUPINE_ETCD -> PorcupineEtcdReader.read(file);
            case PORCUPINE_KV -> PorcupineKvReader.read(file);
        };
    }

    @Override
    public String toString() {
        return cliName;
    }
}
