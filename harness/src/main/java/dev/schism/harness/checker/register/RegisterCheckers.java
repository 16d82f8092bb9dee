package dev.schism.harness.checker.register;

import dev.schism.harness.runner.RunChecker;
import java.util.List;

/** The register workload's checkers: write linearizability and the read guarantees. */
public final class RegisterCheckers {
    private RegisterCheckers() {
    }

    public static List<RunChecker> all() {
        return List.of(new WriteLinearizability(), new ReadChecker());
    }
}
