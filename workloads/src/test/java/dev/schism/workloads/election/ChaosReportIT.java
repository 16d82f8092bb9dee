package dev.schism.workloads.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.schism.harness.junit.Chaos;
import dev.schism.harness.runner.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A failing {@code @Chaos} test names its run's report: runs a one-node, two-second chaos test whose
 * assertion fails (through the JUnit launcher, as a build would), and reads the failure message. About 15 s.
 */
class ChaosReportIT {
    @TempDir
    Path store;

    /** The test under test: a real (tiny) run, then a failing assertion. Nested, so no build runs it on its own. */
    static class FailsAfterARun {
        @Test
        @Chaos(workload = "election", nemesis = "none", nodes = 1, timeLimit = 2, concurrency = 1, rate = 10, recovery = 0, seed = 3)
        void fails(Runner.Outcome outcome) {
            assertEquals("a verdict nobody gets", outcome.verdict().name());
        }
    }

    @Test
    void theFailureNamesTheReport() throws Exception {
        String old = System.getProperty("schism.store");
        System.setProperty("schism.store", store.toString());
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        try {
            LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(FailsAfterARun.class)).build(),
                    listener);
        } finally {
            if (old == null) {
                System.clearProperty("schism.store");
            } else {
                System.setProperty("schism.store", old);
            }
        }
        List<TestExecutionSummary.Failure> failures = listener.getSummary().getFailures();
        assertEquals(1, failures.size(), "the nested test ran and failed");
        String message = failures.get(0).getException().getMessage();
        Matcher m = Pattern.compile("\\[run folder (\\S+), report (\\S+)]").matcher(message);
        assertTrue(m.find(), message);
        Path report = Path.of(m.group(2));
        assertEquals(Path.of(m.group(1)).resolve("report.html"), report);
        assertTrue(report.startsWith(store.toRealPath()) || report.startsWith(store), report + " is in the store");
        assertTrue(Files.readString(report).contains("<h1 class=\"verdict "), "and it is a report");
    }
}
