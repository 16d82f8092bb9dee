package dev.schism.harness.replay;

import java.util.Locale;
import java.util.Map;

/**
 * One nemesis op of a faults.jsonl as it happened: its line, when it was invoked (ns after the run's main
 * phase began), its f, the value its completion recorded (what was actually done: the cut, the nodes hit)
 * and its error, if any.
 */
public record RecordedFault(int line, long offsetNanos, String f, Object value, String error) {

    /**
     * The value without what the nemesis only observed ({@code leader}, {@code favourite} of a partition):
     * two runs that did the same thing have equal {@code what()}s even if another node led.
     */
    public Object what() {
        if (value instanceof Map<?, ?> m && (m.containsKey("leader") || m.containsKey("favourite"))) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>(m);
            out.remove("leader");
            out.remove("favourite");
            return out;
        }
        return value;
    }

    /** One line: {@code 12.503 s kill [n2]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f s %s %s", offsetNanos / 1e9, f, what()) + (error == null ? "" : " error=" + error);
    }
}
