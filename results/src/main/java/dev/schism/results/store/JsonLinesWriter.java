package dev.schism.results.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends one JSON value per line and flushes each line, so a killed run keeps every line written. */
public final class JsonLinesWriter implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private final BufferedWriter out;

    public JsonLinesWriter(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Writes {@code value} (plain data: maps, lists, strings, numbers) as one line. */
    public synchronized void append(Object value) {
        try {
            out.write(MAPPER.writeValueAsString(value));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    @Override
    public String toString() {
        return "JsonLinesWriter{" + file + "}";
    }
}
