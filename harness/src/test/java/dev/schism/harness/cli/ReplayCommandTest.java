package dev.schism.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schism replay} of a local run whose faults.jsonl is damaged: refused in one line before anything starts. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadFaultsLineIsRefusedWithFileAndLine() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("test.json"), "{\"name\":\"election\",\"workload\":\"election\",\"nemesis\":[\"kill\"],\"nodes\":3,"
                + "\"time-limit\":10.0,\"concurrency\":2,\"rate\":5.0,\"seed\":1,\"backend\":\"local\",\"nemesis-interval\":2.0,"
                + "\"partition-modes\":[\"drop\"],\"partition-links\":[\"all\"],\"recovery\":0.0}");
        Files.write(run.resolve("history.jsonl"), List.of("{\"index\":0,\"time\":100,\"process\":0,\"type\":\"invoke\",\"f\":\"write\",\"value\":0}"));
        Files.write(run.resolve("faults.jsonl"), List.of("{\"start\":200,\"end\":300,\"t\":1,\"f\":\"kill\",\"value\":[\"n1\"],\"error\":null}",
                "{\"start\":400,\"end\":500,\"t\":1,\"value\":[\"n1\"]}"));
        CliRun r = CliRun.of("replay", run.toString(), "--store", dir.resolve("store").toString());
        String text = r.err().strip();
        assertEquals(ExitCodes.BAD_ARGUMENTS, r.code(), text);
        assertTrue(text.contains(run.resolve("faults.jsonl") + " line 2: field 'f' must be the op's name"), text);
        assertFalse(text.contains("\n") || text.contains("Exception"), text);
        assertFalse(Files.exists(dir.resolve("store")), "nothing ran");
    }
}
