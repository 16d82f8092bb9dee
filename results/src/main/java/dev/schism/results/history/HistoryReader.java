package dev.schism.results.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code history.jsonl}. A torn last line (a run killed mid-write) is skipped; any other bad line is an error naming file and line. */
public final class HistoryReader {
    private HistoryReader() {
    }

    public static History read(Path file) throws IOException {
        List<Op> ops = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            String pendingError = null;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (pendingError != null) {
                    throw new IOException(pendingError);
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    ops.add(HistoryJson.fromLine(line));
                } catch (IllegalArgumentException e) {
                    // Only the last line may be torn; remember the error and fail if more lines follow.
                    pendingError = file + ":" + lineNo + ": " + e.getMessage();
                }
            }
        }
        return new History(ops);
    }
}
