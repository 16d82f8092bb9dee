package dev.schism.results.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/** The run folders committed under {@code src/test/resources/runs} (real runs, trimmed), copied where a test may write. */
public final class RunFolders {
    /** The invalid run: {@code --inject-bug establish-without-quorum --nemesis partition --seed 1}, cut at 50 s. */
    public static final String INVALID = "invalid-split-brain";
    /** A valid run: {@code --nemesis partition,kill --time-limit 30 --seed 2}. */
    public static final String VALID = "valid-partition-kill";
    private static final Set<String> HEALS = Set.of("stop-partition", "start", "resume", "stop-latency", "clock-reset");

    private RunFolders() {
    }

    /** Copies the committed run folder {@code name} into {@code into}/name and returns it. */
    public static Path copy(String name, Path into) throws IOException {
        Path src;
        try {
            src = Path.of(RunFolders.class.getResource("/runs/" + name + "/test.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path dst = into.resolve(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = dst.resolve(src.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return dst;
    }

    /** Fault ops in faults.jsonl, counted independently of the report's code: every line that is not a heal. */
    public static int faultOps(Path run) throws IOException {
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        for (String line : Files.readAllLines(run.resolve("faults.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode f = json.readTree(line);
                n += HEALS.contains(f.path("f").asText()) ? 0 : 1;
            }
        }
        return n;
    }
}
