package dev.schism.results.verdict;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code results.json}: {@code {"verdict":"VALID","checkers":[{"checker","verdict","summary","details"}]}}. */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** Writes all results and their composition (via a temp file, so a reader never sees half a file). */
    public static void write(Path file, List<CheckResult> results) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("verdict", CheckResult.compose(results).name());
        List<Map<String, Object>> list = new ArrayList<>();
        for (CheckResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checker", r.checker());
            m.put("verdict", r.verdict().name());
            m.put("summary", r.summary());
            m.put("details", r.details());
            list.add(m);
        }
        root.put("checkers", list);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads a results file written by {@link #write}; errors name the file and the bad field. */
    public static List<CheckResult> read(Path file) throws IOException {
        JsonNode root = MAPPER.readTree(file.toFile());
        JsonNode checkers = root == null ? null : root.get("checkers");
        if (checkers == null || !checkers.isArray()) {
            throw new IOException(file + ": missing array 'checkers'");
        }
        List<CheckResult> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : checkers) {
            i++;
            try {
                Verdict v = Verdict.valueOf(c.path("verdict").asText());
                Map<String, Object> details = c.has("details")
                        ? MAPPER.convertValue(c.get("details"), new TypeReference<Map<String, Object>>() { })
                        : Map.of();
                out.add(new CheckResult(c.path("checker").asText(), v, c.path("summary").asText(), details));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": checkers[" + i + "]: bad verdict '" + c.path("verdict").asText() + "'");
            }
        }
        return out;
    }
}
