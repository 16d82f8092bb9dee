package dev.schism.harness.nemesis;

import dev.schism.results.history.Op;
import dev.schism.results.history.OpType;

/** Helpers to complete nemesis ops the same way everywhere. */
final class Completions {
    private Completions() {
    }

    static Op done(Op invoke, Object value) {
        return invoke.complete(OpType.INFO, value);
    }

    static Op failed(Op invoke, Object value, Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return invoke.complete(OpType.INFO, value).withError(msg);
    }

    /**
     * A nemesis op's value as a map in the order given: the history writes maps in iteration order, and
     * {@code Map.of}'s order changes from one JVM to the next, which would make the same seed's history differ.
     */
    static java.util.Map<String, Object> fields(Object... keysAndValues) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static Op unknownF(Op invoke) {
        return invoke.complete(OpType.INFO, invoke.value()).withError("no nemesis handles '" + invoke.f() + "'");
    }
}
