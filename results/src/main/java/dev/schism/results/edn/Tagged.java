package dev.schism.results.edn;

/** A tagged EDN element {@code #tag value}, e.g. {@code #jepsen.history.Op{...}} or {@code #inst "..."}. */
public record Tagged(String tag, Object value) {
    @Override
    public String toString() {
        return "#" + tag + " " + value;
    }
}
