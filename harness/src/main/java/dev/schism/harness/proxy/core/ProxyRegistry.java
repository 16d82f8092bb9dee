package dev.schism.harness.proxy.core;

import dev.schism.harness.proxy.toxic.Direction;
import dev.schism.harness.proxy.toxic.ToxicSpec;
import dev.schism.harness.proxy.toxic.ToxicType;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every proxy by name, and every operation of the Toxiproxy API on them, with Toxiproxy's validation order and
 * error texts. Operations are serialised by this object's monitor.
 */
public final class ProxyRegistry {
    private final EventLoopGroup group;
    private final Random random;
    private final TreeMap<String, Proxy> proxies = new TreeMap<>();
    private final AtomicLong ids = new AtomicLong();
    private boolean closed;

    public ProxyRegistry(EventLoopGroup group, Random random) {
        this.group = group;
        this.random = random;
    }

    /** Every proxy, sorted by name. */
    public synchronized List<ProxyView> list() {
        List<ProxyView> out = new ArrayList<>();
        for (Proxy p : proxies.values()) {
            out.add(p.view());
        }
        return out;
    }

    public synchronized ProxyView get(String name) throws ProxyException {
        return require(name).view();
    }

    private Proxy require(String name) throws ProxyException {
        Proxy p = proxies.get(name);
        if (p == null) {
            throw ProxyException.notFound("proxy not found");
        }
        return p;
    }

    /** POST /proxies. */
    public synchronized ProxyView create(ProxySettings s) throws ProxyException {
        validate(s, "");
        if (proxies.containsKey(s.name())) {
            throw ProxyException.conflict("proxy already exists");
        }
        return add(s).view();
    }

    private static void validate(ProxySettings s, String where) throws ProxyException {
        if (s.name() == null || s.name().isEmpty()) {
            throw ProxyException.badRequest("missing required field: name" + where);
        }
        if (s.upstream() == null || s.upstream().isEmpty()) {
            throw ProxyException.badRequest("missing required field: upstream" + where);
        }
    }

    private Proxy add(ProxySettings s) throws ProxyException {
        if (closed) {
            throw ProxyException.internal("server is shutting down");
        }
        Proxy p = new Proxy(s.name(), s.listen() == null ? "" : s.listen(), s.upstream(), group, random);
        if (s.enabledOrDefault()) {
            p.start();
        }
        proxies.put(s.name(), p);
        return p;
    }

    /** POST /populate: all entries validated first, then created in order until one fails. */
    public synchronized PopulateResult populate(List<ProxySettings> input) throws ProxyException {
        for (int i = 0; i < input.size(); i++) {
            validate(input.get(i), " at proxy " + (i + 1));
        }
        List<ProxyView> done = new ArrayList<>();
        for (ProxySettings s : input) {
            try {
                Proxy existing = proxies.get(s.name());
                if (existing != null) {
                    String resolved = ListenAddress.resolve(s.listen()).resolvedText();
                    if (resolved.equals(existing.listen()) && s.upstream().equals(existing.upstream())) {
                        done.add(existing.view());
                        continue;
                    }
                    existing.stop();
                    proxies.remove(s.name());
                }
                done.add(add(s).view());
            } catch (ProxyException e) {
                return new PopulateResult(done, e);
            }
        }
        return new PopulateResult(done, null);
    }

    /** POST or PATCH /proxies/{p}: missing fields keep their values; an address change restarts the proxy. */
    public synchronized ProxyView update(String name, String listen, String upstream, Boolean enabled)
            throws ProxyException {
        Proxy p = require(name);
        String newUpstream = upstream == null ? p.upstream() : upstream;
        boolean newEnabled = enabled == null ? p.enabled() : enabled;
        String resolved = ListenAddress.resolve(listen == null ? p.listen() : listen).resolvedText();
        if (!resolved.equals(p.listen()) || !newUpstream.equals(p.upstream())) {
            p.stop();
            p.setAddresses(resolved, newUpstream);
            if (newEnabled) {
                p.start();
            }
        } else if (newEnabled && !p.enabled()) {
            p.start();
        } else if (!newEnabled && p.enabled()) {
            p.stop();
        }
        return p.view();
    }

    /** DELETE /proxies/{p}. */
    public synchronized void delete(String name) throws ProxyException {
        Proxy p = require(name);
        p.stop();
        proxies.remove(name);
    }

    /** POST /reset: every proxy enabled and stripped of toxics (removing a timeout closes its connections). */
    public synchronized void reset() throws ProxyException {
        for (Proxy p : proxies.values()) {
            p.start();
            p.removeAllToxics();
        }
    }

    public synchronized List<ToxicSpec> toxics(String proxyName) throws ProxyException {
        return require(proxyName).toxics();
    }

    public synchronized ToxicSpec toxic(String proxyName, String toxicName) throws ProxyException {
        ToxicSpec t = require(proxyName).toxic(toxicName);
        if (t == null) {
            throw ProxyException.notFound("toxic not found");
        }
        return t;
    }

    /** Checks that the proxy exists, before the request body is even decoded (Toxiproxy's order). */
    public synchronized void requireProxy(String proxyName) throws ProxyException {
        require(proxyName);
    }

    /** POST /proxies/{p}/toxics. */
    public synchronized ToxicSpec addToxic(String proxyName, ToxicRequest r) throws ProxyException {
        Proxy p = require(proxyName);
        String stream = r.stream() == null || r.stream().isEmpty() ? Direction.DOWNSTREAM.wireName() : r.stream();
        if (Direction.parse(stream) == null) {
            throw ProxyException.badRequest("stream was invalid, can be either upstream or downstream");
        }
        ToxicType type = r.type() == null ? null : ToxicType.byWireName(r.type());
        if (type == null) {
            throw ProxyException.badRequest("invalid toxic type");
        }
        String name = r.name() == null || r.name().isEmpty() ? type.wireName() + "_" + stream : r.name();
        if (p.toxic(name) != null) {
            throw ProxyException.conflict("toxic already exists");
        }
        Map<String, Long> attributes = r.attributes().decode(type);
        float toxicity = r.toxicity() == null ? 1.0f : r.toxicity();
        ToxicSpec spec = new ToxicSpec(ids.incrementAndGet(), ids.incrementAndGet(), name, type, stream, toxicity,
                attributes);
        p.addToxic(spec);
        return spec;
    }

    /** POST or PATCH /proxies/{p}/toxics/{t}: only the attributes sent change; toxicity kept when omitted. */
    public synchronized ToxicSpec updateToxic(String proxyName, String toxicName, AttributeDecoder attributes,
                                              Float toxicity) throws ProxyException {
        Proxy p = require(proxyName);
        ToxicSpec old = p.toxic(toxicName);
        if (old == null) {
            throw ProxyException.notFound("toxic not found");
        }
        ToxicSpec updated = old.updated(ids.incrementAndGet(), attributes.decode(old.type()), toxicity);
        p.replaceToxic(updated);
        return updated;
    }

    /** DELETE /proxies/{p}/toxics/{t}. */
    public synchronized void removeToxic(String proxyName, String toxicName) throws ProxyException {
        Proxy p = require(proxyName);
        ToxicSpec t = p.toxic(toxicName);
        if (t == null) {
            throw ProxyException.notFound("toxic not found");
        }
        p.removeToxic(t);
    }

    /** Live connections of a proxy (for tests and diagnostics). */
    public synchronized int connectionCount(String proxyName) throws ProxyException {
        return require(proxyName).connectionCount();
    }

    /** Stops every proxy and closes every connection; later creates fail. Idempotent. */
    public synchronized void close() {
        closed = true;
        for (Proxy p : proxies.values()) {
            p.stop();
        }
        proxies.clear();
    }

    @Override
    public synchronized String toString() {
        return "ProxyRegistry{" + proxies.keySet() + "}";
    }
}
