package dev.schism.harness.checker.model;

import dev.schism.results.history.Op;

/**
 * A sequential specification the linearizability checker searches against.
 *
 * <p>States are immutable and never null; {@link #step} returns the next state or {@code null} when the
 * operation cannot take effect in the given state. Equal states must have equal {@link #hash}es. Inputs and
 * outputs are whatever {@link #input} and {@link #output} produce from a Jepsen history; they are built
 * once, before the search, so {@code step} should only compare and construct.
 *
 * <p>An output the history does not know (an {@code :info} completion, or an invoke never completed) is
 * {@link #unknownOutput}; a step with an unknown output must be legal in every state, because the check
 * may place such an operation at the very end of the history to stand for "it never happened".
 *
 * @param <S> the state type
 */
public interface Model<S> {

    /** The name used on the command line, e.g. {@code cas-register}. */
    String name();

    S init();

    /**
     * The state holding {@code value} (plain data, as an EDN or JSON reader gives it), for a history that
     * starts from it rather than from {@link #init} (Knossos's {@code (cas-register 0)}); throws
     * IllegalArgumentException saying which values fit when this one does not, or when the model has no
     * settable start.
     */
    default S initialState(Object value) {
        throw new IllegalArgumentException("model " + name() + " has no settable initial value");
    }

    /** The state after the operation, or {@code null} if it cannot return {@code output} in {@code state}. */
    S step(S state, Object input, Object output);

    default boolean equal(S a, S b) {
        return a.equals(b);
    }

    /** A hash consistent with {@link #equal}; combined with the hash of the set of linearized operations. */
    default long hash(S state) {
        return state.hashCode();
    }

    /**
     * The partition an input belongs to (P-compositionality: e.g. the key of a key-value operation), or
     * {@code null} when the model is checked as one partition.
     */
    default Object partitionKey(Object input) {
        return null;
    }

    /** A rough count of bytes one cached copy of {@code state} holds that other states do not share. */
    default long stateBytes(S state) {
        return 16;
    }

    default String describeOperation(Object input, Object output) {
        return input + " -> " + output;
    }

    default String describeState(S state) {
        return String.valueOf(state);
    }

    /** The input of an invocation; throws IllegalArgumentException naming what is wrong with the op. */
    Object input(Op invoke);

    /** The output of a definite completion ({@code ok}, or a {@code fail} the model {@link #keepsFailure keeps}). */
    Object output(Op invoke, Op completion);

    /** The output standing for "the history does not know how this call ended". */
    Object unknownOutput(Op invoke);

    /**
     * Whether a {@code fail} completion is a definite outcome the model checks (e.g. a compare-and-set that
     * failed its comparison, a ZooKeeper {@code BadVersion}) rather than, as in Jepsen, an operation that
     * certainly did not happen and is dropped from the history.
     */
    default boolean keepsFailure(Op invoke, Op completion) {
        return false;
    }
}
