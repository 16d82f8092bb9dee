package dev.schism.harness.gen;

import dev.schism.results.history.Op;

/**
 * An immutable schedule of operations. {@link #next} proposes the next op (or says to wait, or that it is
 * done) without changing this value; the caller keeps the successor from the returned {@link Step} only if
 * it acts on the proposal. {@link #update} tells the generator about an op that was invoked or completed.
 */
public interface Generator {

    /** What to do next in {@code ctx}. The op of an {@link Step.Emit} goes to a thread free in {@code ctx}. */
    Step next(Context ctx);

    /** The generator after {@code event} (an invocation this generator emitted, or any completion) happened. */
    default Generator update(Context ctx, Op event) {
        return this;
    }
}
