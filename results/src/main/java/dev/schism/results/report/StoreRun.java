package dev.schism.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One run of a store as the index lists it: where it is (relative to the store), its verdict, workload,
 * nemeses, seed and length. Read cheaply (test.json, results.json, the last line of history.jsonl), so a
 * store of hundreds of runs lists at once.
 */
public record StoreRun(String path, String test, String verdict, String workload, String nemesis, String seed,
                       long durationNs, boolean hasReport) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads the run folder {@code dir} of store {@code root}; parts it cannot read are left blank. */
    public static StoreRun read(Path root, Path dir) {
        JsonNode test = tree(dir.resolve("test.json"));
        JsonNode results = tree(dir.resolve("results.json"));
        String verdict = results == null ? "UNCHECKED" : results.path("verdict").asText("UNKNOWN");
        String nemesis = test == null ? "" : test.path("nemesis").isArray()
                ? String.join(",", MAPPER.convertValue(test.get("nemesis"), String[].class)) : test.path("nemesis").asText("");
        return new StoreRun(root.relativize(dir).toString().replace('\\', '/'), dir.getParent().getFileName().toString(), verdict,
                test == null ? "" : test.path("workload").asText(""), nemesis, test == null ? "" : test.path("seed").asText(""),
                lastTime(dir.resolve("history.jsonl")), Files.isRegularFile(dir.resolve(RunReport.FILE)));
    }

    private static JsonNode tree(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    /** The time of the history's last complete line: its length, without reading the whole file. */
    private static long lastTime(Path history) {
        if (!Files.isRegularFile(history)) {
            return -1;
        }
        try (RandomAccessFile f = new RandomAccessFile(history.toFile(), "r")) {
            long len = f.length();
            int n = (int) Math.min(len, 8192);
            byte[] buf = new byte[n];
            f.seek(len - n);
            f.readFully(buf);
            String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                try {
                    JsonNode op = MAPPER.readTree(lines[i]);
                    if (op != null && op.has("time")) {
                        return op.get("time").asLong();
                    }
                } catch (IOException e) {
                    // a torn or cut line: try the one before
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** One line: {@code election/20240101T000000.000 INVALID election [partition] seed=1}. */
    @Override
    public String toString() {
        return path + " " + verdict + " " + workload + " [" + nemesis + "] seed=" + seed;
    }
}
