package dev.schism.harness.checker.linear;

import dev.schism.results.verdict.Verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.schism.harness.checker.format.HistoryFormat;
import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import dev.schism.results.history.History;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of Porcupine's test data gives its listed verdict, and the etcd files Porcupine's exact counters. */
class PorcupineConformanceTest {

    /** One MANIFEST.tsv row. */
    record Row(String file, String model, String expected, long[] counts) {
        Path path() {
            return dataDir().resolve(file);
        }

        boolean hasCounts() {
            return counts != null;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    static Path dataDir() {
        try {
            return Path.of(PorcupineConformanceTest.class.getResource("/porcupine/MANIFEST.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> manifest() throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(dataDir().resolve("MANIFEST.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            long[] counts = f[3].isEmpty() ? null
                    : new long[] {Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6])};
            rows.add(new Row(f[0], f[1], f[2], counts));
        }
        return rows;
    }

    static Stream<Row> allRows() throws IOException {
        return manifest().stream();
    }

    static Stream<Row> etcdRows() throws IOException {
        return manifest().stream().filter(Row::hasCounts);
    }

    static History read(Row row) throws IOException {
        HistoryFormat format = row.model().equals("etcd") ? HistoryFormat.PORCUPINE_ETCD : HistoryFormat.PORCUPINE_KV;
        return format.read(row.path());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allRows")
    void verdictMatchesPorcupine(Row row) throws IOException {
        Model<?> model = Models.byName(row.model());
        LinearizabilityResult r = LinearizabilityChecker.check(model, read(row), CheckOptions.DEFAULT);
        // etcd_095 is empty ("skip" upstream): zero operations are trivially linearizable.
        Verdict expected = row.expected().equals("not-linearizable") ? Verdict.INVALID : Verdict.VALID;
        assertEquals(expected, r.verdict(), row.file() + ": " + r);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("etcdRows")
    void etcdCountersMatchPorcupineExactly(Row row) throws IOException {
        LinearizabilityResult r = LinearizabilityChecker.check(Models.byName("etcd"), read(row), CheckOptions.DEFAULT);
        assertEquals(1, r.partitions().size());
        SearchStats s = r.stats();
        assertEquals("steps=" + row.counts()[0] + " cache_entries=" + row.counts()[1] + " cache_hits="
                + row.counts()[2] + " backtracks=" + row.counts()[3], s.toString(), row.file());
    }
}
