package dev.schism.harness.proxy.link;

import dev.schism.harness.proxy.toxic.ToxicSpec;
import java.util.List;

/** The toxic chains of both directions at one moment, each in insertion order. */
public record Chains(List<ToxicSpec> upstream, List<ToxicSpec> downstream) {
    public static final Chains EMPTY = new Chains(List.of(), List.of());

    public Chains {
        upstream = List.copyOf(upstream);
        downstream = List.copyOf(downstream);
    }

    @Override
    public String toString() {
        return "Chains{up=" + upstream.size() + " down=" + downstream.size() + "}";
    }
}
