package dev.schism.harness.checker.model;

/**
 * A model whose histories start from a given state instead of its {@link Model#init}: the state is built
 * once, from the user's value, by the wrapped model's {@link Model#initialState}. Everything else is the
 * wrapped model's own behaviour.
 *
 * @param <S> the wrapped model's state
 */
public final class StartingFrom<S> extends DelegatingModel<S> {
    private final S start;
    private final Object value;

    private StartingFrom(Model<S> inner, Object value) {
        super(inner);
        this.value = value;
        this.start = inner.initialState(value);
    }

    /** {@code model} starting from {@code value}; IllegalArgumentException if the value does not fit it. */
    public static <S> Model<S> of(Model<S> model, Object value) {
        return new StartingFrom<>(model instanceof StartingFrom<S> s ? s.inner : model, value);
    }

    @Override
    public S init() {
        return start;
    }

    /** One line: {@code cas-register from 0}. */
    @Override
    public String toString() {
        return inner.name() + " from " + ModelSupport.show(value);
    }
}
