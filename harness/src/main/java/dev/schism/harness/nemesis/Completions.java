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

    static Op unknownF(Op invoke) {
        return invoke.complete(OpType.INFO, invoke.value()).withError("no nemesis handles '" + invoke.f() + "'");
    }
}
