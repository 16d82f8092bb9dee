package dev.schism.harness.proxy.core;

import dev.schism.harness.proxy.toxic.ToxicSpec;
import java.util.List;

/** A consistent snapshot of one proxy for an API response; toxics are upstream ones first, then downstream. */
public record ProxyView(String name, String listen, String upstream, boolean enabled, List<ToxicSpec> toxics) {
    public ProxyView {
        toxics = List.copyOf(toxics);
    }

    @Override
    public String toString() {
        return "Proxy{" + name + " " + listen + " -> " + upstream + (enabled ? " enabled" : " disabled") + " toxics="
                + toxics.size() + "}";
    }
}
