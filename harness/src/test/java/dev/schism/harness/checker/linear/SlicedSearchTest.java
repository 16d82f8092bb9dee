package dev.schism.harness.checker.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.schism.harness.checker.format.HistoryFormat;
import dev.schism.harness.checker.model.Model;
import dev.schism.harness.checker.model.Models;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A search run in short slices (as the quick pass runs partitions) ends exactly as one run straight through. */
class SlicedSearchTest {

    @ParameterizedTest
    @ValueSource(strings = {"etcd_000.log", "etcd_005.log", "etcd_018.log", "etcd_097.log"})
    void slicesGiveTheSameOutcomeAndCounters(String file) throws IOException {
        Model<?> model = Models.byName("etcd");
        List<Operation> ops = JepsenOperations.from(model, HistoryFormat.PORCUPINE_ETCD.read(
                PorcupineConformanceTest.dataDir().resolve("jepsen").resolve(file)));
        PartitionSearch<?> whole = search(model, ops);
        SearchOutcome expected = whole.run();
        PartitionSearch<?> sliced = search(model, ops);
        SearchOutcome o;
        int slices = 0;
        while ((o = sliced.run(7)) == null) {
            slices++;
        }
        assertEquals(expected, o);
        assertEquals(whole.stats(), sliced.stats());
        assertArrayEquals(whole.longest(), sliced.longest());
        assertEquals(whole.blockingOp(), sliced.blockingOp());
        assertEquals(o, sliced.run(7), "a finished search stays finished");
        assertEquals(true, slices > 10);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PartitionSearch<?> search(Model model, List<Operation> ops) {
        return new PartitionSearch<>(model, ops, new SearchControl(Long.MAX_VALUE, new MemoryBudget(1L << 30)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void anUnstartedSearchHasNoOutcome(int ignored) {
        PartitionSearch<?> s = search(Models.byName("register"), List.of());
        assertNull(s.outcome());
        assertEquals(SearchOutcome.LINEARIZABLE, s.run(1));
    }
}
