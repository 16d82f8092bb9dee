package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import java.util.List;

/**
 * A read/write register (and, with {@code cas}, Jepsen's cas-register). The state is a value, initially nil.
 *
 * <p>{@code register} is strict: a read of nil is legal only while the register holds nil. {@code
 * cas-register} follows Knossos: a read that returns nil is treated as a read whose value is unknown
 * (Jepsen clients report nil when they could not tell), and {@code cas [old new]} succeeds iff the state is
 * {@code old}. A failed op did not happen (Jepsen); an op with unknown outcome may take effect or not.
 */
public final class RegisterModel implements Model<Object> {
    /** The state of a register holding nil. */
    static final Object NIL = new Object() {
        @Override
        public String toString() {
            return "nil";
        }
    };

    /** Marks an output the history does not know. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    /** A call: f is read, write or cas; {@code a} the written (or expected) value; {@code b} the cas's new value. */
    public record Input(String f, Object a, Object b) {
        @Override
        public String toString() {
            return f.equals("cas") ? "cas(" + a + "->" + b + ")" : f.equals("write") ? "write(" + a + ")" : "read";
        }
    }

    private final boolean knossosReads;
    private final boolean withCas;

    private RegisterModel(boolean knossosReads, boolean withCas) {
        this.knossosReads = knossosReads;
        this.withCas = withCas;
    }

    /** Strict read/write register. */
    public static RegisterModel register() {
        return new RegisterModel(false, false);
    }

    /** Jepsen's cas-register (Knossos semantics). */
    public static RegisterModel casRegister() {
        return new RegisterModel(true, true);
    }

    @Override
    public String name() {
        return withCas ? "cas-register" : "register";
    }

    @Override
    public Object init() {
        return NIL;
    }

    @Override
    public Object initialState(Object value) {
        return wrap(value);
    }

    @Override
    public Object step(Object state, Object input, Object output) {
        Input in = (Input) input;
        switch (in.f) {
            case "read":
                if (output == UNKNOWN || (knossosReads && output == NIL)) {
                    return state;
                }
                return state.equals(output) ? state : null;
            case "write":
                return in.a;
            default:
                if (state.equals(in.a)) {
                    return in.b;
                }
                return output == UNKNOWN ? state : null;
        }
    }

    @Override
    public Object input(Op invoke) {
        switch (invoke.f()) {
            case "read":
                return new Input("read", null, null);
            case "write":
                return new Input("write", wrap(invoke.value()), null);
            case "cas":
                if (withCas) {
                    List<?> p = ModelSupport.pair(invoke, "[expected new]");
                    return new Input("cas", wrap(p.get(0)), wrap(p.get(1)));
                }
                // fall through: a plain register has no cas
            default:
                throw ModelSupport.unknownF(invoke, name(), withCas ? "read, write or cas" : "read or write");
        }
    }

    @Override
    public Object output(Op invoke, Op completion) {
        return invoke.f().equals("read") ? wrap(completion.value()) : "ok";
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return UNKNOWN;
    }

    private static Object wrap(Object v) {
        return v == null ? NIL : ModelSupport.normalize(v);
    }

    @Override
    public long stateBytes(Object state) {
        return state instanceof String s ? 40 + 2L * s.length() : 16;
    }

    @Override
    public String toString() {
        return "RegisterModel{" + name() + "}";
    }
}
