package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;

/**
 * A model whose histories start from a given state instead of its {@link Model#init}: the state is built
 * once, from the user's value, by the wrapped model's {@link Model#initialState}. Everything else is the
 * wrapped model's own behaviour.
 *
 * @param <S> the wrapped model's state
 */
public final class StartingFrom<S> implements Model<S> {
    private final Model<S> inner;
    private final S start;
    private final Object value;

    private StartingFrom(Model<S> inner, Object value) {
        this.inner = inner;
        this.value = value;
        this.start = inner.initialState(value);
    }

    /** {@code model} starting from {@code value}; IllegalArgumentException if the value does not fit it. */
    public static <S> Model<S> of(Model<S> model, Object value) {
        return new StartingFrom<>(model instanceof StartingFrom<S> s ? s.inner : model, value);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public S init() {
        return start;
    }

    @Override
    public S initialState(Object v) {
        return inner.initialState(v);
    }

    @Override
    public S step(S state, Object input, Object output) {
        return inner.step(state, input, output);
    }

    @Override
    public boolean equal(S a, S b) {
        return inner.equal(a, b);
    }

    @Override
    public long hash(S state) {
        return inner.hash(state);
    }

    @Override
    public Object partitionKey(Object input) {
        return inner.partitionKey(input);
    }

    @Override
    public long stateBytes(S state) {
        return inner.stateBytes(state);
    }

    @Override
    public String describeOperation(Object input, Object output) {
        return inner.describeOperation(input, output);
    }

    @Override
    public String describeState(S state) {
        return inner.describeState(state);
    }

    @Override
    public Object input(Op invoke) {
        return inner.input(invoke);
    }

    @Override
    public Object output(Op invoke, Op completion) {
        return inner.output(invoke, completion);
    }

    @Override
    public Object unknownOutput(Op invoke) {
        return inner.unknownOutput(invoke);
    }

    @Override
    public boolean keepsFailure(Op invoke, Op completion) {
        return inner.keepsFailure(invoke, completion);
    }

    /** One line: {@code cas-register from 0}. */
    @Override
    public String toString() {
        return inner.name() + " from " + ModelSupport.show(value);
    }
}
