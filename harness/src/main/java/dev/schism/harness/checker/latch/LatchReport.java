package dev.schism.harness.checker.latch;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One latch client's report, as its op completion in the history: {@code f = leadership}, value
 * {@code {candidate, election, leader, changed, lag-ns}}. The client reports each change of belief once,
 * and when nothing changed for a while, the belief it still holds. {@code lag-ns} is how long before the
 * completion the change happened, so the moment is exact however late the report is written.
 *
 * @param atNs history time of the belief (the completion's time minus the lag)
 */
public record LatchReport(String candidate, String election, boolean leader, boolean changed, long atNs, long index) {
    /** The op name of latch reports. */
    public static final String F = "leadership";

    /** The value a client completes its op with. */
    public static Map<String, Object> value(String candidate, String election, boolean leader, boolean changed, long lagNs) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("candidate", candidate);
        v.put("election", election);
        v.put("leader", leader);
        v.put("changed", changed);
        v.put("lag-ns", lagNs);
        return v;
    }

    /**
     * The report an op holds, or null when it is none (an invocation, another f, a completion that is not
     * ok); IllegalArgumentException naming the op and field when an ok leadership completion is malformed.
     */
    public static LatchReport of(Op op) {
        if (op.isNemesis() || op.type() != OpType.OK || !op.f().equals(F)) {
            return null;
        }
        if (!(op.value() instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("op " + op.index() + ": a leadership report needs a map value, got " + op.value());
        }
        long lag = m.get("lag-ns") instanceof Number n ? n.longValue() : 0;
        return new LatchReport(text(op, m, "candidate"), text(op, m, "election"), flag(op, m, "leader"),
                flag(op, m, "changed"), op.time() - Math.max(0, lag), op.index());
    }

    private static String text(Op op, Map<?, ?> m, String field) {
        if (m.get(field) instanceof String s && !s.isEmpty()) {
            return s;
        }
        throw new IllegalArgumentException("op " + op.index() + ": leadership report without '" + field + "'");
    }

    private static boolean flag(Op op, Map<?, ?> m, String field) {
        if (m.get(field) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("op " + op.index() + ": leadership report's '" + field + "' must be true or false");
    }

    /** One line: {@code curator@n2 leads @12.345s (changed)}. */
    @Override
    public String toString() {
        return candidate + (leader ? " leads" : " follows") + String.format(java.util.Locale.ROOT, " @%.3fs", atNs / 1e9)
                + (changed ? " (changed)" : "");
    }
}
