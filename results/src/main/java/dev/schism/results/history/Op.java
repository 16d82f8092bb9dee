package dev.schism.results.history;

import java.util.Objects;

/**
 * One history record, Jepsen's op: {index, time (ns since run start), process, type, f, value, node, error}.
 *
 * <p>{@code value} is plain data as it would appear in JSON: {@code null}, {@code Long}, {@code Double},
 * {@code Boolean}, {@code String}, {@code java.util.List} or {@code java.util.Map}. {@code node} is the
 * server the client talked to (e.g. "n2"), or null. Nemesis ops use {@link #NEMESIS} as their process.
 */
public record Op(long index, long time, long process, OpType type, String f, Object value, String node,
                 String error) {

    /** Process id of the nemesis ("nemesis" on the wire). */
    public static final long NEMESIS = -1;

    public Op {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(f, "f");
    }

    public static Op invoke(long process, String f, Object value) {
        return new Op(-1, -1, process, OpType.INVOKE, f, value, null, null);
    }

    public boolean isNemesis() {
        return process == NEMESIS;
    }

    public boolean isInvoke() {
        return type == OpType.INVOKE;
    }

    /** The completion of this invocation with the given type and value (same process, f, node). */
    public Op complete(OpType t, Object v) {
        return new Op(-1, -1, process, t, f, v, node, null);
    }

    public Op withIndexTime(long newIndex, long newTime) {
        return new Op(newIndex, newTime, process, type, f, value, node, error);
    }

    public Op withNode(String n) {
        return new Op(index, time, process, type, f, value, n, error);
    }

    public Op withError(String e) {
        return new Op(index, time, process, type, f, value, node, e);
    }

    public Op withValue(Object v) {
        return new Op(index, time, process, type, f, v, node, error);
    }

    /** One line: {@code 12 @1.503s p3 ok write 4 [n2]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(index).append(" @").append(String.format(java.util.Locale.ROOT, "%.3fs", time / 1e9)).append(' ');
        b.append(isNemesis() ? "nemesis" : "p" + process).append(' ').append(type.wire()).append(' ').append(f);
        b.append(' ').append(value);
        if (node != null) {
            b.append(" [").append(node).append(']');
        }
        if (error != null) {
            b.append(" error=").append(error);
        }
        return b.toString();
    }
}
