package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;

/**
 * A model that behaves as the one it wraps except where a subclass says otherwise: the base of the
 * wrappers that change one aspect of a model (where it starts, how its inputs are keyed).
 *
 * @param <S> the wrapped model's state
 */
abstract class DelegatingModel<S> implements Model<S> {
    protected final Model<S> inner;

    protected DelegatingModel(Model<S> inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public S init() {
        return inner.init();
    }

    @Override
    public S initialState(Object value) {
        return inner.initialState(value);
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
}
