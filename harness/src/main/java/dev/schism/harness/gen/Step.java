package dev.schism.harness.gen;

import dev.schism.results.history.Op;

/** The answer of {@link Generator#next}: emit an op at a time, wait, or done. */
public sealed interface Step {

    /** The one exhausted step: this generator will never emit again. */
    Step EXHAUSTED = new Exhausted();

    /**
     * Invoke {@code op} (its process already names a free thread's process) at {@code time} (never before
     * the context's time); continue with {@code next}.
     */
    record Emit(Op op, long time, Generator next) implements Step {
        @Override
        public String toString() {
            return "emit " + op.f() + " " + op.value() + " p" + op.process() + " at " + time;
        }
    }

    /**
     * Nothing to emit until an op completes or until {@code wakeAt} (Long.MAX_VALUE: only a completion can
     * help); continue with {@code next}, which may carry state such as a deadline fixed on first use.
     */
    record Pending(Generator next, long wakeAt) implements Step {
        @Override
        public String toString() {
            return wakeAt == Long.MAX_VALUE ? "pending" : "pending until " + wakeAt;
        }
    }

    /** No more ops, ever. */
    record Exhausted() implements Step {
        @Override
        public String toString() {
            return "exhausted";
        }
    }
}
