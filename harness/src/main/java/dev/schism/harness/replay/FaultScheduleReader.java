package dev.schism.harness.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a run's fault schedule: faults.jsonl lines ({@code {"start":ns,"end":ns,"t":ms,"f":..,"value":..,"error":..}})
 * made relative to the first op of history.jsonl. A bad line is an error naming the file, the line and the field.
 */
public final class FaultScheduleReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FaultScheduleReader() {
    }

    /** The schedule of the run whose files these are. */
    public static FaultSchedule read(Path faults, Path history) throws IOException {
        return parse(faults, Files.readAllLines(faults, StandardCharsets.UTF_8), mainPhaseStart(history));
    }

    /** The time of the first op in a history.jsonl (0 if it has none): when the main phase began. */
    public static long mainPhaseStart(Path history) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            if (first == null || first.isBlank()) {
                return 0;
            }
            Map<String, Object> m = object(history, 1, first);
            return nanos(history, 1, m, "time");
        }
    }

    /** The lines of {@code file} as a schedule with offsets after {@code anchorNanos}; blank lines are skipped. */
    public static FaultSchedule parse(Path file, List<String> lines, long anchorNanos) {
        List<RecordedFault> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int n = i + 1;
            Map<String, Object> m = object(file, n, line);
            long start = nanos(file, n, m, "start");
            long end = nanos(file, n, m, "end");
            if (end < start) {
                throw bad(file, n, "field 'end' (" + end + ") is before 'start' (" + start + ")");
            }
            if (!(m.get("f") instanceof String f) || f.isBlank()) {
                throw bad(file, n, "field 'f' must be the op's name, got " + m.get("f"));
            }
            Object error = m.get("error");
            if (error != null && !(error instanceof String)) {
                throw bad(file, n, "field 'error' must be a string or null, got " + error);
            }
            if (!out.isEmpty() && start < out.get(out.size() - 1).offsetNanos() + anchorNanos) {
                throw bad(file, n, "field 'start' (" + start + ") is before the previous op's: the schedule is out of order");
            }
            out.add(new RecordedFault(n, start - anchorNanos, f, m.get("value"), (String) error));
        }
        return new FaultSchedule(file, out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Path file, int line, String text) {
        Object v;
        try {
            v = MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw bad(file, line, "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (!(v instanceof Map<?, ?>)) {
            throw bad(file, line, "expected a JSON object, got " + text.strip());
        }
        return (Map<String, Object>) v;
    }

    private static long nanos(Path file, int line, Map<String, Object> m, String field) {
        Object v = m.get(field);
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
            throw bad(file, line, "field '" + field + "' must be a whole number of ns >= 0, got " + (v instanceof String s ? "\"" + s + "\"" : v));
        }
        return ((Number) v).longValue();
    }

    private static IllegalArgumentException bad(Path file, int line, String what) {
        return new IllegalArgumentException(file + " line " + line + ": " + what);
    }
}
