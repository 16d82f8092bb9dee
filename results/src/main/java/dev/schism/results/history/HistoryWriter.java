package dev.schism.results.history;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends ops to {@code history.jsonl} as they happen, flushing every line, so a run that is killed
 * leaves every op recorded up to that moment. Assigns index and keeps ops in append order. Thread-safe.
 */
public final class HistoryWriter implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private long nextIndex;
    private long maxClientProcess = -1;

    public HistoryWriter(Path file) throws IOException {
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Stamps the op with the next index (and the given time if it has none) and appends it. */
    public synchronized Op append(Op op, long timeNanos) {
        Op stamped = op.withIndexTime(nextIndex++, op.time() >= 0 ? op.time() : timeNanos);
        if (!stamped.isNemesis()) {
            maxClientProcess = Math.max(maxClientProcess, stamped.process());
        }
        try {
            out.write(HistoryJson.toLine(stamped));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
        return stamped;
    }

    /** The largest client process id appended so far (-1 if none), so a later phase can pick unused ones. */
    public synchronized long maxClientProcess() {
        return maxClientProcess;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
