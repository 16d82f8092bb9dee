package dev.schism.results.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of one run. Paths only: nothing is created except by {@link #nodeDir(String)}. */
public record RunFolder(Path dir) {

    /** Opens an existing run folder; throws naming the folder if it has no history. */
    public static RunFolder open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such run folder");
        }
        Path real = dir.toRealPath();
        RunFolder f = new RunFolder(real);
        if (!Files.isRegularFile(f.history())) {
            throw new IOException(dir + ": not a run folder (no history.jsonl)");
        }
        return f;
    }

    public Path testJson() {
        return dir.resolve("test.json");
    }

    public Path history() {
        return dir.resolve("history.jsonl");
    }

    public Path faults() {
        return dir.resolve("faults.jsonl");
    }

    public Path events() {
        return dir.resolve("events.jsonl");
    }

    public Path results() {
        return dir.resolve("results.json");
    }

    /** The page a person reads: {@code report.html}. */
    public Path report() {
        return dir.resolve("report.html");
    }

    public Path historyEdn() {
        return dir.resolve("history.edn");
    }

    public Path nodesDir() {
        return dir.resolve("nodes");
    }

    /** {@code nodes/<node>/}, created if missing. */
    public Path nodeDir(String node) throws IOException {
        return Files.createDirectories(nodesDir().resolve(node));
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
