package dev.schism.harness.sim;

import dev.schism.results.history.History;
import dev.schism.results.history.HistoryWriter;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history of a simulated run as it is made: stamped with index and simulated time like
 * {@link HistoryWriter} does, and either appended to {@code history.jsonl} (a run folder) or kept in memory
 * only, for {@code explore}, whose checkers read it without a file or a JSON line per op.
 */
final class SimHistory {
    private final HistoryWriter file;
    private final List<Op> ops = new ArrayList<>();
    private long maxClientProcess = -1;

    private SimHistory(HistoryWriter file) {
        this.file = file;
    }

    /** Appended to {@code file} as it happens (and not kept here: the analysis reads the file). */
    static SimHistory to(HistoryWriter file) {
        return new SimHistory(file);
    }

    static SimHistory inMemory() {
        return new SimHistory(null);
    }

    /** Stamps the op with the next index (and {@code timeNanos} if it has no time) and records it. */
    Op append(Op op, long timeNanos) {
        if (file != null) {
            return file.append(op, timeNanos);
        }
        Op stamped = op.withIndexTime(ops.size(), op.time() >= 0 ? op.time() : timeNanos);
        if (!stamped.isNemesis()) {
            maxClientProcess = Math.max(maxClientProcess, stamped.process());
        }
        ops.add(stamped.withValue(asRead(stamped.value())));
        return stamped;
    }

    /** The largest client process id so far (-1 if none), so a later phase can pick unused ones. */
    long maxClientProcess() {
        return file != null ? file.maxClientProcess() : maxClientProcess;
    }

    /** The ops kept in memory (none when they went to a file). */
    History history() {
        return new History(ops);
    }

    /**
     * A value as history.jsonl gives it back: whole numbers as Long, lists and maps as plain collections,
     * so a checker sees in memory what it would see in a run folder.
     */
    static Object asRead(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(asRead(o));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), asRead(e.getValue()));
            }
            return out;
        }
        return v;
    }

    @Override
    public String toString() {
        return "SimHistory{" + (file != null ? file.file() : ops.size() + " ops in memory") + "}";
    }
}
