package dev.schism.results.edn;

/** An EDN symbol such as {@code foo} or {@code jepsen.history/Op}. */
public record Symbol(String name) {
    @Override
    public String toString() {
        return name;
    }
}
