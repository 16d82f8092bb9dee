package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import java.util.List;
import java.util.Locale;

/** Helpers the models share for reading Jepsen op values. */
final class ModelSupport {
    private ModelSupport() {
    }

    /** The op's value as a two-element list, e.g. {@code [old new]} for a cas. */
    static List<?> pair(Op op, String what) {
        if (op.value() instanceof List<?> l && l.size() == 2) {
            return l;
        }
        throw new IllegalArgumentException("op " + op + ": expected value " + what + ", got " + op.value());
    }

    static long asLong(Object v, Op op, String what) {
        if (v instanceof Number n && (v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte)) {
            return n.longValue();
        }
        throw new IllegalArgumentException("op " + op + ": expected " + what + " to be an integer, got " + v);
    }

    /** Whether the op's error names the given ZooKeeper-style code, ignoring case, '-', '_' and spaces. */
    static boolean errorIs(Op op, String code) {
        Object e = op.error() != null ? op.error() : op.value();
        if (e == null) {
            return false;
        }
        String norm = e.toString().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
        return norm.contains(code);
    }

    /** A plain value as a user wrote it: nil, "text", [1 2], {"k" 1}. */
    static String show(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof String s) {
            return '"' + s + '"';
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : l) {
                b.append(b.length() > 1 ? " " : "").append(show(o));
            }
            return b.append(']').toString();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
                b.append(b.length() > 1 ? ", " : "").append(show(e.getKey())).append(' ').append(show(e.getValue()));
            }
            return b.append('}').toString();
        }
        return String.valueOf(v);
    }

    static IllegalArgumentException unknownF(Op op, String model, String allowed) {
        return new IllegalArgumentException("op " + op + ": model " + model + " has no operation '" + op.f()
                + "' (expected " + allowed + ")");
    }

    /** Numbers compare by value whatever their boxed type (EDN and JSON may box 3 differently). */
    static Object normalize(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        return v;
    }
}
