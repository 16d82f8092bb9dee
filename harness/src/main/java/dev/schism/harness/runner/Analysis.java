package dev.schism.harness.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schism.results.edn.EdnWriter;
import dev.schism.results.events.RoleEvent;
import dev.schism.results.events.RoleJournal;
import dev.schism.results.history.History;
import dev.schism.results.history.HistoryReader;
import dev.schism.results.report.RunReport;
import dev.schism.results.store.RunFolder;
import dev.schism.results.verdict.CheckResult;
import dev.schism.results.verdict.ResultsJson;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a run folder: reads the history and the role events (merging the nodes' own journals again if
 * they are there, so a run cut short still gets every line), runs the checkers, and writes
 * {@code events.jsonl}, {@code history.edn}, {@code results.json} and {@code report.html}. A checker that throws yields
 * UNKNOWN with its message, never a crash of the whole analysis.
 */
public final class Analysis {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Analysis() {
    }

    /** The test as data from test.json; IOException naming the file if it is missing or broken. */
    public static Map<String, Object> readTest(RunFolder folder) throws IOException {
        if (!Files.isRegularFile(folder.testJson())) {
            throw new IOException(folder.testJson() + ": missing (is this a run folder?)");
        }
        try {
            return MAPPER.readValue(folder.testJson().toFile(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IOException(folder.testJson() + ": " + e.getMessage(), e);
        }
    }

    /** Every node journal under {@code nodes/*}/data/events.jsonl, in node order. */
    public static List<Path> nodeJournals(RunFolder folder) throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder.nodesDir())) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder.nodesDir())) {
            for (Path node : ds) {
                Path j = node.resolve("data").resolve("events.jsonl");
                if (Files.isRegularFile(j)) {
                    out.add(j);
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** Merges node journals into events.jsonl (if any exist) and returns the merged events. */
    public static List<RoleEvent> mergeEvents(RunFolder folder) throws IOException {
        List<Path> journals = nodeJournals(folder);
        if (!journals.isEmpty()) {
            List<RoleEvent> merged = RoleJournal.merge(journals);
            RoleJournal.write(folder.events(), merged);
            return merged;
        }
        return RoleJournal.read(folder.events());
    }

    /** Every checker's result on {@code data}; a checker that throws is UNKNOWN with its message. */
    public static List<CheckResult> check(RunData data, List<RunChecker> checkers) {
        List<CheckResult> results = new ArrayList<>();
        for (RunChecker c : checkers) {
            try {
                results.add(c.check(data));
            } catch (RuntimeException e) {
                results.add(CheckResult.unknown("checker", "a checker failed: "
                        + (e.getMessage() != null ? e.getMessage() : "an internal error without a message")));
            }
        }
        return results;
    }

    /** Runs the checkers on the folder and writes the derived files; returns every checker's result. */
    public static List<CheckResult> analyze(RunFolder folder, List<RunChecker> checkers, List<CheckResult> extra) throws IOException {
        Map<String, Object> test = readTest(folder);
        History history = HistoryReader.read(folder.history());
        List<RoleEvent> events = mergeEvents(folder);
        EdnWriter.write(folder.historyEdn(), history);
        List<CheckResult> results = check(new RunData(history, events, test), checkers);
        results.addAll(extra);
        ResultsJson.write(folder.results(), results);
        RunReport.write(folder.dir());
        return results;
    }
}
