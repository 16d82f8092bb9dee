package dev.schism.harness.proxy.core;

import java.util.List;

/** The outcome of /populate: the proxies created or kept, in input order, and the error that stopped it, if any. */
public record PopulateResult(List<ProxyView> proxies, ProxyException error) {
    public PopulateResult {
        proxies = List.copyOf(proxies);
    }

    @Override
    public String toString() {
        return "PopulateResult{" + proxies.size() + " proxies" + (error == null ? "" : " error=" + error.getMessage()) + "}";
    }
}
