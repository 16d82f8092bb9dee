package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;
import java.util.List;
import java.util.Objects;

/**
 * One ZooKeeper znode used as a versioned register, initially absent.
 *
 * <ul>
 *   <li>{@code create v}: ok iff absent, then holds v at version 0; a fail with {@code NodeExists} is a
 *       definite outcome (legal iff present).</li>
 *   <li>{@code read}: getData, ok with {@code [value version]} iff present with that value and version; a
 *       fail with {@code NoNode} is legal iff absent.</li>
 *   <li>{@code write [v expectedVersion]}: setData; ok iff present and the version matches (-1 matches any),
 *       then holds v at version+1; a fail with {@code BadVersion} is legal iff present and the version does
 *       not match; a fail with {@code NoNode} iff absent.</li>
 * </ul>
 * Any other failure (connection loss, session expiry) did not happen, as in Jepsen; an op of unknown
 * outcome may have taken effect or not.
 */
public final class ZnodeModel implements Model<ZnodeModel.State> {

    /** The znode: absent, or a value at a version. */
    public record State(boolean exists, Object value, long version) {
        @Override
        public String toString() {
            return exists ? value + "@v" + version : "absent";
        }
    }

    /** A call: f is create, read or write; {@code expected} is setData's expected version. */
    public record Input(String f, Object value, long expected) {
        @Override
        public String toString() {
            return switch (f) {
                case "create" -> "create(" + value + ")";
                case "write" -> "setData(" + value + ", v" + expected + ")";
                default -> "getData";
            };
        }
    }

    /** A definite outcome: ok (with what getData returned) or the ZooKeeper error code. */
    public record Output(String code, Object value, long version) {
        @Override
        public String toString() {
            return code.equals("ok") && value != null ? "[" + value + " v" + version + "]" : code;
        }
    }

    static final Output UNKNOWN = new Output("?", null, -1);
    static final State ABSENT = new State(false, null, -1);

    @Override
    public String name() {
        return "znode";
    }

    @Override
    public State init() {
        return ABSENT;
    }

    /** nil for an absent znode, or {@code [value version]} as getData returns it. */
    @Override
    public State initialState(Object value) {
        if (value == null) {
            return ABSENT;
        }
        if (value instanceof List<?> l && l.size() == 2 && l.get(1) instanceof Long version && version >= 0) {
            return new State(true, ModelSupport.normalize(l.get(0)), version);
        }
        throw new IllegalArgumentException("model znode starts from nil (absent) or [value version], got "
                + ModelSupport.show(value));
    }

    @Override
    public State step(State s, Object input, Object output) {
        Input in = (Input) input;
        Output out = (Output) output;
        boolean unknown = out == UNKNOWN;
        switch (in.f) {
            case "create":
                if (!s.exists && (unknown || out.code.equals("ok"))) {
                    return new State(true, in.value, 0);
                }
                return unknown || (s.exists && out.code.equals("nodeexists")) ? s : null;
            case "read":
                if (unknown) {
                    return s;
                }
                if (out.code.equals("nonode")) {
                    return s.exists ? null : s;
                }
                return s.exists && s.version == out.version && Objects.equals(s.value, out.value) ? s : null;
            default:
                boolean matches = s.exists && (in.expected == -1 || in.expected == s.version);
                if (matches && (unknown || out.code.equals("ok"))) {
                    return new State(true, in.value, s.version + 1);
                }
                if (unknown) {
                    return s;
                }
                if (out.code.equals("badversion")) {
                    return s.exists && !matches ? s : null;
                }
                return out.code.equals("nonode") && !s.exists ? s : null;
        }
    }

    @Override
    public long stateBytes(State state) {
        return 48;
    }

    @Override
    public Object input(Op invoke) {
        return switch (invoke.f()) {
            case "create" -> new Input("create", ModelSupport.normalize(invoke.value()), -1);
            case "read" -> new Input("read", null, -1);
            case "write" -> {
                List<?> p = ModelSupport.pair(invoke, "[value expectedVersion]");
                yield new Input("write", ModelSupport.normalize(p.get(0)),
                        ModelSupport.asLong(p.get(1), invoke, "the expected version"));
            }
            default -> throw ModelSupport.unknownF(invoke, name(), "create, read or write");
        };
    }

    @Override
    public Object output(Op invoke, Op completion) {
        if (completion.type() == OpType.FAIL) {
            for (String code : new String[] {"badversion", "nonode", "nodeexists"}) {
                if (ModelSupport.errorIs(completion, code)) {
                    return new Output(code, null, -1);
                }
            }
            throw new IllegalStateException("unreachable: failure kept without a known code: " + completion);
        }
        if (invoke.f().equals("read")) {
            List<?> p = ModelSupport.pair(completion, "[value version]");
            return new Output("ok", ModelSupport.normalize(p.get(0)),
                    ModelSupport.asLong(p.get(1), completion, "the version"));
        }
        return new Output("ok", null, -1);
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return UNKNOWN;
    }

    @Override
    public boolean keepsFailure(Op invoke, Op completion) {
        return switch (invoke.f()) {
            case "create" -> ModelSupport.errorIs(completion, "nodeexists");
            case "read" -> ModelSupport.errorIs(completion, "nonode");
            default -> ModelSupport.errorIs(completion, "badversion") || ModelSupport.errorIs(completion, "nonode");
        };
    }

    @Override
    public String toString() {
        return "ZnodeModel";
    }
}
