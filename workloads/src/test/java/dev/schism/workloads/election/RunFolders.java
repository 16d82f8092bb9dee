package dev.schism.workloads.election;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reading what a run left behind, for the chaos suites. */
public final class RunFolders {
    private RunFolders() {
    }

    public static Path latest(Path store) throws IOException {
        return store.resolve("latest").toRealPath();
    }

    static JsonNode results(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("results.json").toFile());
    }

    /** The election checker's summary line. */
    public static String electionSummary(Path run) throws IOException {
        for (JsonNode c : results(run).get("checkers")) {
            if (c.get("checker").asText().equals("election")) {
                return c.get("verdict").asText() + ": " + c.get("summary").asText();
            }
        }
        throw new AssertionError("no election result in " + run);
    }
}
