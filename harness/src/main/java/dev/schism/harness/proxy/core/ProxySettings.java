package dev.schism.harness.proxy.core;

/** A requested proxy, as in POST /proxies or one entry of /populate; {@code enabled} null means true. */
public record ProxySettings(String name, String listen, String upstream, Boolean enabled) {
    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    @Override
    public String toString() {
        return "ProxySettings{" + name + " " + listen + " -> " + upstream + " enabled=" + enabled + "}";
    }
}
