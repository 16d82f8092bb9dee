package dev.schism.results.edn;

/** An EDN keyword such as {@code :invoke} or {@code :jepsen/op}; {@code namespace} is null when absent. */
public record Keyword(String namespace, String name) {

    public static Keyword of(String name) {
        return new Keyword(null, name);
    }

    /** The keyword without its colon, namespace included ({@code "jepsen/op"}). */
    public String qualifiedName() {
        return namespace == null ? name : namespace + "/" + name;
    }

    @Override
    public String toString() {
        return ":" + qualifiedName();
    }
}
