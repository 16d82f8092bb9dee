package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import java.util.List;

/**
 * A key-value store with get, put and append, checked one key at a time (P-compositionality: operations on
 * different keys commute, so each key's sub-history is checked on its own). The state of one key is a
 * string, initially empty; get must return it (a nil get reads the empty string), put replaces it, append
 * concatenates. Op values are Jepsen's independent-key tuples {@code [key value]}.
 */
public final class KvModel implements Model<String> {
    static final int GET = 0;
    static final int PUT = 1;
    static final int APPEND = 2;

    /** Marks an output the history does not know. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    /** A call on one key. */
    public record Input(int kind, String key, String value) {
        @Override
        public String toString() {
            return switch (kind) {
                case GET -> "get(" + key + ")";
                case PUT -> "put(" + key + ", '" + value + "')";
                default -> "append(" + key + ", '" + value + "')";
            };
        }
    }

    @Override
    public String name() {
        return "kv";
    }

    @Override
    public String init() {
        return "";
    }

    @Override
    public String step(String state, Object input, Object output) {
        Input in = (Input) input;
        return switch (in.kind) {
            case GET -> output == UNKNOWN || state.equals(output) ? state : null;
            case PUT -> in.value;
            default -> state.concat(in.value);
        };
    }

    @Override
    public boolean equal(String a, String b) {
        return a.equals(b);
    }

    @Override
    public long hash(String state) {
        return state.hashCode();
    }

    @Override
    public Object partitionKey(Object input) {
        return ((Input) input).key;
    }

    @Override
    public long stateBytes(String state) {
        return 48 + state.length();
    }

    @Override
    public String describeState(String state) {
        return "'" + state + "'";
    }

    @Override
    public String describeOperation(Object input, Object output) {
        Input in = (Input) input;
        return in.kind == GET ? in + " -> " + (output == UNKNOWN ? "?" : "'" + output + "'") : in.toString();
    }

    @Override
    public Object input(Op invoke) {
        List<?> kv = ModelSupport.pair(invoke, "[key value]");
        String key = String.valueOf(kv.get(0));
        Object v = kv.get(1);
        return switch (invoke.f()) {
            case "get", "read" -> new Input(GET, key, null);
            case "put", "write" -> new Input(PUT, key, v == null ? "" : v.toString());
            case "append" -> new Input(APPEND, key, v == null ? "" : v.toString());
            default -> throw ModelSupport.unknownF(invoke, name(), "get, put or append");
        };
    }

    @Override
    public Object output(Op invoke, Op completion) {
        if (invoke.f().equals("get") || invoke.f().equals("read")) {
            Object v = completion.value() instanceof List<?> l && l.size() == 2 ? l.get(1) : completion.value();
            return v == null ? "" : v.toString();
        }
        return "ok";
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return "KvModel";
    }
}
