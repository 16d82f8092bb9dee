package dev.schism.harness.checker.election;

import dev.schism.harness.runner.Progress;
import dev.schism.results.history.History;
import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fault that came last before a moment of the run, so a violation names what provoked it: a reader
 * reproducing a split brain wants to know "1.4 s after a quorum-only partition around n5", not only when.
 */
final class LastFault {
    private final List<Op> faults = new ArrayList<>();
    private final long startWallMs;

    /** {@code startWallMs}: the wall-clock ms of the history's time 0; -1 when unknown (then nothing is found). */
    LastFault(History history, long startWallMs) {
        this.startWallMs = startWallMs;
        for (Op op : history.ops()) {
            if (op.isNemesis() && !op.isInvoke()) {
                faults.add(op);
            }
        }
    }

    /** The last nemesis op completed at or before {@code wallMs}, as data for the evidence. */
    Optional<Map<String, Object>> before(long wallMs) {
        if (startWallMs < 0) {
            return Optional.empty();
        }
        Op last = null;
        for (Op op : faults) {
            if (startWallMs + op.time() / 1_000_000L <= wallMs) {
                last = op;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("f", last.f());
        m.put("value", Progress.summarize(last.value()));
        m.put("ms-before", wallMs - (startWallMs + last.time() / 1_000_000L));
        return Optional.of(m);
    }

    /** {@code ", 1.4 s after start-partition grudge=halves ..."} for what {@link #before} found, or "" for nothing. */
    static String sentence(Optional<Map<String, Object>> fault) {
        return fault.map(m -> String.format(java.util.Locale.ROOT, ", %.1f s after %s %s",
                ((Number) m.get("ms-before")).longValue() / 1000.0, m.get("f"), m.get("value"))).orElse("");
    }
}
