package dev.schism.results.verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One checker's result: its name, verdict, a one-line summary a person can read, and details (plain
 * data: evidence, statistics) that go to {@code results.json} unchanged.
 */
public record CheckResult(String checker, Verdict verdict, String summary, Map<String, Object> details) {

    public CheckResult {
        Objects.requireNonNull(checker, "checker");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** An UNKNOWN result for a checker that could not finish, naming why. */
    public static CheckResult unknown(String checker, String why) {
        return new CheckResult(checker, Verdict.UNKNOWN, why, Map.of());
    }

    /** The worst verdict of all results; VALID for none. */
    public static Verdict compose(List<CheckResult> results) {
        Verdict v = Verdict.VALID;
        for (CheckResult r : results) {
            v = v.and(r.verdict());
        }
        return v;
    }

    /** One line: {@code election INVALID: epoch 3 has two leaders, n1 and n4}. */
    @Override
    public String toString() {
        return checker + " " + verdict + ": " + summary;
    }
}
