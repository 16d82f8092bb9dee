package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;
import java.util.List;

/**
 * Jepsen's independent keys: every op's value is a tuple {@code [key value]}, each key is its own object
 * of the wrapped model, and the checker searches each key as one partition. E.g. {@code independent
 * cas-register} reads {@code {:f :cas :value [3 [1 2]]}} as a cas from 1 to 2 on register 3.
 *
 * @param <S> the wrapped model's state
 */
public final class IndependentModel<S> extends DelegatingModel<S> {

    /** The wrapped model's input, tagged with its key. */
    public record Keyed(Object key, Object input) {
        @Override
        public String toString() {
            return key + ":" + input;
        }
    }

    public IndependentModel(Model<S> inner) {
        super(inner);
    }

    @Override
    public String name() {
        return "independent " + inner.name();
    }

    @Override
    public S step(S state, Object input, Object output) {
        return inner.step(state, ((Keyed) input).input, output);
    }

    @Override
    public Object partitionKey(Object input) {
        return ((Keyed) input).key;
    }

    @Override
    public String describeOperation(Object input, Object output) {
        return "[" + ((Keyed) input).key + "] " + inner.describeOperation(((Keyed) input).input, output);
    }

    @Override
    public Object input(Op invoke) {
        List<?> kv = tuple(invoke);
        return new Keyed(ModelSupport.normalize(kv.get(0)), inner.input(invoke.withValue(kv.get(1))));
    }

    @Override
    public Object output(Op invoke, Op completion) {
        return inner.output(invoke.withValue(tuple(invoke).get(1)), completion.withValue(valueOf(completion)));
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return inner.unknownOutput(invoke.withValue(tuple(invoke).get(1)));
    }

    @Override
    public boolean keepsFailure(Op invoke, Op completion) {
        return inner.keepsFailure(invoke.withValue(tuple(invoke).get(1)), completion.withValue(valueOf(completion)));
    }

    /** A completion may carry the tuple, or (when it failed) no value at all. */
    private static Object valueOf(Op completion) {
        return completion.value() instanceof List<?> l && l.size() == 2 ? l.get(1) : completion.value();
    }

    private static List<?> tuple(Op op) {
        if (op.value() instanceof List<?> l && l.size() == 2) {
            return l;
        }
        throw new IllegalArgumentException("op " + op + ": expected an independent [key value] tuple, got "
                + op.value());
    }

    @Override
    public String toString() {
        return "IndependentModel{" + inner + "}";
    }
}
