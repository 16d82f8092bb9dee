package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;

/**
 * Porcupine's etcd register: one integer register, initially nil, with read, write and cas. Unlike Jepsen's
 * cas-register, a failed cas is a definite outcome (the comparison failed, the state is unchanged) and a
 * failed read is a read whose result is unknown; an unknown read, write or cas is legal in every state.
 */
public final class EtcdModel implements Model<Long> {
    /** Porcupine's stand-in for nil. */
    static final Long NIL = Long.valueOf(-1_000_000L);

    static final int READ = 0;
    static final int WRITE = 1;
    static final int CAS = 2;

    /** A call: {@code kind} is READ, WRITE or CAS; {@code arg1}/{@code arg2} are the written or compared values. */
    public record Input(int kind, long arg1, long arg2) {
        @Override
        public String toString() {
            return switch (kind) {
                case READ -> "read";
                case WRITE -> "write(" + arg1 + ")";
                default -> "cas(" + arg1 + "->" + arg2 + ")";
            };
        }
    }

    /** A return: cas success, whether a read saw a value and which, or that the outcome is unknown. */
    public record Output(boolean ok, boolean exists, long value, boolean unknown) {
        static final Output UNKNOWN = new Output(false, false, 0, true);

        @Override
        public String toString() {
            return unknown ? "?" : exists ? String.valueOf(value) : ok ? "ok" : "fail";
        }
    }

    @Override
    public String name() {
        return "etcd";
    }

    @Override
    public Long init() {
        return NIL;
    }

    /** nil or an integer. */
    @Override
    public Long initialState(Object value) {
        if (value == null) {
            return NIL;
        }
        if (value instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("model etcd starts from nil or an integer, got " + ModelSupport.show(value));
    }

    @Override
    public Long step(Long state, Object input, Object output) {
        Input in = (Input) input;
        Output out = (Output) output;
        long st = state;
        switch (in.kind) {
            case READ:
                return (out.unknown || (out.exists ? st == out.value : st == NIL)) ? state : null;
            case WRITE:
                return in.arg1;
            default:
                boolean matches = in.arg1 == st;
                if (out.unknown || matches == out.ok) {
                    return matches ? Long.valueOf(in.arg2) : state;
                }
                return null;
        }
    }

    @Override
    public boolean equal(Long a, Long b) {
        return a.longValue() == b.longValue();
    }

    @Override
    public long hash(Long state) {
        return state;
    }

    @Override
    public String describeState(Long state) {
        return state.longValue() == NIL ? "nil" : state.toString();
    }

    @Override
    public String describeOperation(Object input, Object output) {
        Input in = (Input) input;
        Output out = (Output) output;
        if (in.kind == READ && !out.unknown) {
            return "read -> " + (out.exists ? String.valueOf(out.value) : "nil");
        }
        return in + (in.kind == WRITE && !out.unknown ? "" : " -> " + out);
    }

    @Override
    public Object input(Op invoke) {
        return switch (invoke.f()) {
            case "read" -> new Input(READ, 0, 0);
            case "write" -> new Input(WRITE, ModelSupport.asLong(invoke.value(), invoke, "the written value"), 0);
            case "cas" -> {
                var p = ModelSupport.pair(invoke, "[expected new]");
                yield new Input(CAS, ModelSupport.asLong(p.get(0), invoke, "the expected value"),
                        ModelSupport.asLong(p.get(1), invoke, "the new value"));
            }
            default -> throw ModelSupport.unknownF(invoke, name(), "read, write or cas");
        };
    }

    @Override
    public Object output(Op invoke, Op completion) {
        boolean ok = completion.type() == OpType.OK;
        return switch (invoke.f()) {
            case "read" -> !ok ? Output.UNKNOWN : completion.value() == null ? new Output(true, false, 0, false)
                    : new Output(true, true, ModelSupport.asLong(completion.value(), completion, "the value read"),
                    false);
            case "cas" -> new Output(ok, false, 0, false);
            default -> new Output(true, false, 0, false);
        };
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return Output.UNKNOWN;
    }

    /** A failed cas failed its comparison; a failed read timed out (unknown result); a failed write is dropped. */
    @Override
    public boolean keepsFailure(Op invoke, Op completion) {
        return !invoke.f().equals("write");
    }

    @Override
    public String toString() {
        return "EtcdModel";
    }
}
