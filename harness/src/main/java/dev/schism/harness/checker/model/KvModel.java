package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import java.util.List;

/**
 * A key-value store with get, put and append, checked one key at a time (P-compositionality: operations on
 * different keys commute, so each key's sub-history is checked on its own). The state of one key is a
 * string, initially empty; get must return it (a nil get reads the empty string), put replaces it, append
 * concatenates. Op values are Jepsen's independent-key tuples {@code [key value]}. States are
 * {@link KvValue}s, whose appends and hashes cost O(1).
 */
public final class KvModel implements Model<KvValue> {
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

    /** What a get returned, with its hash precomputed. */
    record Text(String text, long hash) {
        @Override
        public String toString() {
            return "'" + text + "'";
        }
    }

    /** A call on one key; {@code hash}/{@code scale} precomputed for the search (see {@link KvValue}). */
    public record Input(int kind, String key, String value, long hash, long scale) {
        static Input of(int kind, String key, String value) {
            return new Input(kind, key, value, value == null ? 0 : KvValue.hashOf(value),
                    value == null ? 1 : KvValue.scaleOf(value));
        }

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
    public KvValue init() {
        return KvValue.EMPTY;
    }

    /** Every key's starting text: a string, or nil for the empty string. */
    @Override
    public KvValue initialState(Object value) {
        if (value == null) {
            return KvValue.EMPTY;
        }
        if (value instanceof String s) {
            return KvValue.of(s);
        }
        throw new IllegalArgumentException("model kv starts every key from a string (or nil), got "
                + ModelSupport.show(value));
    }

    @Override
    public KvValue step(KvValue state, Object input, Object output) {
        Input in = (Input) input;
        return switch (in.kind) {
            case GET -> output == UNKNOWN || state.sameAs(((Text) output).text, ((Text) output).hash) ? state : null;
            case PUT -> KvValue.EMPTY.append(in.value, in.hash, in.scale);
            default -> state.append(in.value, in.hash, in.scale);
        };
    }

    @Override
    public boolean equal(KvValue a, KvValue b) {
        return a.sameAs(b);
    }

    @Override
    public long hash(KvValue state) {
        return state.hash;
    }

    @Override
    public Object partitionKey(Object input) {
        return ((Input) input).key;
    }

    @Override
    public long stateBytes(KvValue state) {
        return 40;
    }

    @Override
    public String describeState(KvValue state) {
        return "'" + state + "'";
    }

    @Override
    public String describeOperation(Object input, Object output) {
        Input in = (Input) input;
        return in.kind == GET ? in + " -> " + (output == UNKNOWN ? "?" : output) : in.toString();
    }

    @Override
    public Object input(Op invoke) {
        List<?> kv = ModelSupport.pair(invoke, "[key value]");
        String key = String.valueOf(kv.get(0));
        Object v = kv.get(1);
        return switch (invoke.f()) {
            case "get", "read" -> Input.of(GET, key, null);
            case "put", "write" -> Input.of(PUT, key, v == null ? "" : v.toString());
            case "append" -> Input.of(APPEND, key, v == null ? "" : v.toString());
            default -> throw ModelSupport.unknownF(invoke, name(), "get, put or append");
        };
    }

    @Override
    public Object output(Op invoke, Op completion) {
        if (invoke.f().equals("get") || invoke.f().equals("read")) {
            Object v = completion.value() instanceof List<?> l && l.size() == 2 ? l.get(1) : completion.value();
            String text = v == null ? "" : v.toString();
            return new Text(text, KvValue.hashOf(text));
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
