package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set with {@code add x} and {@code read} (which returns every element). Initially empty. A read must
 * return exactly the set's contents; an add of unknown outcome may or may not have taken effect.
 */
public final class SetModel implements Model<SetModel.State> {

    /** Marks an output the history does not know. */
    static final Object UNKNOWN = new Object() {
        @Override
        public String toString() {
            return "?";
        }
    };

    /** An immutable set of elements with its hash precomputed. */
    public static final class State {
        final Set<Object> elements;
        final long hash;

        State(Set<Object> elements) {
            this.elements = elements;
            long h = 0;
            for (Object e : elements) {
                h += e.hashCode() * 0x9E3779B97F4A7C15L;
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && s.hash == hash && s.elements.equals(elements);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(hash);
        }

        @Override
        public String toString() {
            List<String> sorted = new ArrayList<>();
            for (Object e : elements) {
                sorted.add(String.valueOf(e));
            }
            Collections.sort(sorted);
            return "#{" + String.join(" ", sorted) + "}";
        }
    }

    /** A call: add an element, or read all. */
    public record Input(boolean add, Object element) {
        @Override
        public String toString() {
            return add ? "add(" + element + ")" : "read";
        }
    }

    private static final State EMPTY = new State(Set.of());

    @Override
    public String name() {
        return "set";
    }

    @Override
    public State init() {
        return EMPTY;
    }

    /** The starting elements, as a vector, list or set. */
    @Override
    public State initialState(Object value) {
        if (!(value instanceof Collection<?> c)) {
            throw new IllegalArgumentException("model set starts from a collection of elements such as #{1 2}, got "
                    + ModelSupport.show(value));
        }
        Set<Object> s = new HashSet<>();
        for (Object o : c) {
            s.add(ModelSupport.normalize(o));
        }
        return new State(Collections.unmodifiableSet(s));
    }

    @Override
    public State step(State state, Object input, Object output) {
        Input in = (Input) input;
        if (in.add) {
            if (state.elements.contains(in.element)) {
                return state;
            }
            Set<Object> next = new HashSet<>(state.elements);
            next.add(in.element);
            return new State(Collections.unmodifiableSet(next));
        }
        return output == UNKNOWN || state.elements.equals(output) ? state : null;
    }

    @Override
    public long hash(State state) {
        return state.hash;
    }

    @Override
    public long stateBytes(State state) {
        return 64 + 40L * state.elements.size();
    }

    @Override
    public Object input(Op invoke) {
        return switch (invoke.f()) {
            case "add" -> new Input(true, ModelSupport.normalize(invoke.value()));
            case "read" -> new Input(false, null);
            default -> throw ModelSupport.unknownF(invoke, name(), "add or read");
        };
    }

    @Override
    public Object output(Op invoke, Op completion) {
        if (!invoke.f().equals("read")) {
            return "ok";
        }
        if (!(completion.value() instanceof Collection<?> c)) {
            throw new IllegalArgumentException("op " + completion + ": expected a read to return a list of elements,"
                    + " got " + completion.value());
        }
        Set<Object> s = new HashSet<>();
        for (Object o : c) {
            s.add(ModelSupport.normalize(o));
        }
        return s;
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return "SetModel";
    }
}
