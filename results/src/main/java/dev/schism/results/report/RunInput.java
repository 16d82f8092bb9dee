package dev.schism.results.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schism.results.events.RoleEvent;
import dev.schism.results.events.RoleJournal;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.history.Op;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.ResultsJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything the report draws, read from one run folder. A file that is missing or broken does not stop
 * the report: it becomes a line in {@link #problems()} naming the file (and line), and the rest is drawn.
 * Times are nanoseconds since the history's time 0; {@code startWallMs} maps the role journals' wall
 * clock onto that axis.
 */
public record RunInput(Path dir, Map<String, Object> test, List<Op> ops, List<Map<String, Object>> faults,
                       List<RoleEvent> events, List<CheckResult> results, List<String> nodes, long startWallMs,
                       long endNs, List<String> problems) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads the run folder {@code dir}; only a missing folder is an error. */
    public static RunInput load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such run folder");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> test = readTest(dir.resolve("test.json"), problems);
        List<Op> ops = List.of();
        try {
            ops = HistoryReader.read(dir.resolve("history.jsonl")).ops();
        } catch (IOException | RuntimeException e) {
            problems.add(message("history.jsonl", e));
        }
        List<Map<String, Object>> faults = readFaults(dir.resolve("faults.jsonl"), problems);
        List<RoleEvent> events = readEvents(dir, problems);
        List<CheckResult> results = List.of();
        if (Files.isRegularFile(dir.resolve("results.json"))) {
            try {
                results = ResultsJson.read(dir.resolve("results.json"));
            } catch (IOException | RuntimeException e) {
                problems.add(message("results.json", e));
            }
        } else {
            problems.add("results.json: missing (the run was not checked yet; `schism analyze` checks it)");
        }
        long startWall = test.get("start-wall-ms") instanceof Number n ? n.longValue()
                : events.isEmpty() ? 0 : events.get(0).t();
        return new RunInput(dir, test, ops, faults, events, results, nodes(dir, test, events), startWall,
                end(ops, faults, events, startWall), problems);
    }

    /** A role event's time on the history's axis. */
    public long eventNs(RoleEvent e) {
        return (e.t() - startWallMs) * 1_000_000L;
    }

    /** The named checker's result, if it ran. */
    public java.util.Optional<CheckResult> result(String checker) {
        return results.stream().filter(r -> r.checker().equals(checker)).findFirst();
    }

    private static Map<String, Object> readTest(Path file, List<String> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add("test.json: missing");
            return Map.of();
        }
        try {
            Map<String, Object> m = MAPPER.readValue(file.toFile(), new TypeReference<Map<String, Object>>() { });
            return m == null ? Map.of() : m;
        } catch (IOException e) {
            problems.add(message("test.json", e));
            return Map.of();
        }
    }

    private static List<Map<String, Object>> readFaults(Path file, List<String> problems) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(MAPPER.readValue(line, new TypeReference<Map<String, Object>>() { }));
                } catch (IOException e) {
                    problems.add("faults.jsonl:" + no + ": not a JSON object, line skipped");
                }
            }
        } catch (IOException e) {
            problems.add(message("faults.jsonl", e));
        }
        return out;
    }

    /** events.jsonl, or the nodes' own journals merged when the run was cut short before it was written. */
    private static List<RoleEvent> readEvents(Path dir, List<String> problems) {
        try {
            if (Files.isRegularFile(dir.resolve("events.jsonl"))) {
                return RoleJournal.read(dir.resolve("events.jsonl"));
            }
            List<Path> journals = new ArrayList<>();
            for (String node : nodeDirs(dir)) {
                Path j = dir.resolve("nodes").resolve(node).resolve("data").resolve("events.jsonl");
                if (Files.isRegularFile(j)) {
                    journals.add(j);
                }
            }
            return RoleJournal.merge(journals);
        } catch (IOException | RuntimeException e) {
            problems.add(message("events.jsonl", e));
            return List.of();
        }
    }

    /** n1..nN from test.json, every folder under nodes/, every node in the journals; in numeric order. */
    private static List<String> nodes(Path dir, Map<String, Object> test, List<RoleEvent> events) {
        TreeSet<String> names = new TreeSet<>(RunInput::compareNodes);
        if (test.get("nodes") instanceof Number n) {
            for (int i = 1; i <= n.intValue() && i <= 1000; i++) {
                names.add("n" + i);
            }
        }
        names.addAll(nodeDirs(dir));
        events.forEach(e -> names.add(e.nodeName()));
        return List.copyOf(names);
    }

    static List<String> nodeDirs(Path dir) {
        List<String> out = new ArrayList<>();
        Path nodes = dir.resolve("nodes");
        if (!Files.isDirectory(nodes)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(nodes, Files::isDirectory)) {
            ds.forEach(p -> out.add(p.getFileName().toString()));
        } catch (IOException e) {
            // an unreadable nodes/ folder only costs the report its node links
        }
        out.sort(RunInput::compareNodes);
        return out;
    }

    /** n2 before n10. */
    static int compareNodes(String a, String b) {
        String da = a.replaceAll("\\D", "");
        String db = b.replaceAll("\\D", "");
        if (!da.isEmpty() && !db.isEmpty() && da.length() < 10 && db.length() < 10) {
            int c = Long.compare(Long.parseLong(da), Long.parseLong(db));
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static long end(List<Op> ops, List<Map<String, Object>> faults, List<RoleEvent> events, long startWall) {
        long end = 1_000_000_000L;
        if (!ops.isEmpty()) {
            end = Math.max(end, ops.get(ops.size() - 1).time());
        }
        for (Map<String, Object> f : faults) {
            if (f.get("end") instanceof Number n) {
                end = Math.max(end, n.longValue());
            }
        }
        if (!events.isEmpty()) {
            end = Math.max(end, (events.get(events.size() - 1).t() - startWall) * 1_000_000L);
        }
        return end;
    }

    private static String message(String file, Exception e) {
        String m = e.getMessage() == null ? "unreadable" : e.getMessage();
        return m.contains(file) ? m : file + ": " + m;
    }

    /** One line: {@code run-input{/store/x, 5120 ops, 12 faults, 40 events, 2 results}}. */
    @Override
    public String toString() {
        return "run-input{" + dir + ", " + ops.size() + " ops, " + faults.size() + " faults, " + events.size() + " events, "
                + results.size() + " results}";
    }

    /** The history as a {@link History} (for callers that want its helpers). */
    public History history() {
        return new History(ops);
    }
}
