package dev.schism.harness.proxy.core;

import dev.schism.harness.proxy.link.Chains;
import dev.schism.harness.proxy.link.Connection;
import dev.schism.harness.proxy.link.ConnectionOwner;
import dev.schism.harness.proxy.link.Listener;
import dev.schism.harness.proxy.toxic.Direction;
import dev.schism.harness.proxy.toxic.ToxicSpec;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.Future;
import java.net.BindException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One named proxy: its addresses, its listener while enabled, its toxics per direction and its live connections.
 * The API side (addresses, listener and so enabled) is guarded by the registry; the toxic chains and the connection
 * set are guarded by this object's monitor, which event loops take only briefly and the API never holds while it
 * waits.
 */
public final class Proxy implements ConnectionOwner {
    /** How long an API call waits for live connections to apply a change before it returns anyway. */
    static final long APPLY_WAIT_MILLIS = 1000;

    private final String name;
    private final EventLoopGroup group;
    private final Random random;
    private String listen;
    private String upstream;
    /** Non-null exactly while the proxy is enabled. */
    private Listener listener;

    private final List<ToxicSpec> upstreamToxics = new ArrayList<>();
    private final List<ToxicSpec> downstreamToxics = new ArrayList<>();
    private volatile Chains chains = Chains.EMPTY;
    private final Set<Connection> connections = new HashSet<>();
    private long generation;
    private boolean running;

    Proxy(String name, String listen, String upstream, EventLoopGroup group, Random random) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        this.group = group;
        this.random = random;
    }

    public String name() {
        return name;
    }

    String listen() {
        return listen;
    }

    String upstream() {
        return upstream;
    }

    boolean enabled() {
        return listener != null;
    }

    void setAddresses(String newListen, String newUpstream) {
        this.listen = newListen;
        this.upstream = newUpstream;
    }

    synchronized ProxyView view() {
        return new ProxyView(name, listen, upstream, enabled(), toxics());
    }

    /** Binds the listen address and starts accepting; a no-op when already started. */
    void start() throws ProxyException {
        if (listener != null) {
            return;
        }
        ListenAddress address = ListenAddress.resolve(listen);
        long gen;
        synchronized (this) {
            gen = ++generation;
            running = true;
        }
        try {
            listener = Listener.bind(group, address.socketAddress(), upstream, this, gen, random);
        } catch (Exception e) {
            synchronized (this) {
                running = false;
            }
            throw ProxyException.internal(bindError(address, e));
        }
        listen = ListenAddress.formatBound(listener.boundAddress());
    }

    private static String bindError(ListenAddress address, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // NIO says "Address already in use", epoll "bind(..) failed: Address already in use"; Go says it as below.
        String bare = detail.replaceFirst("^bind\\(\\.\\.\\) failed: ", "");
        if (e instanceof BindException || !bare.equals(detail)) {
            detail = "bind: " + bare.toLowerCase(Locale.ROOT);
        }
        return "listen tcp " + address.resolvedText() + ": " + detail;
    }

    /** Closes the listener (new connects are refused) and every live connection. Idempotent. */
    void stop() {
        if (listener == null) {
            return;
        }
        listener.close();
        listener = null;
        List<Connection> open;
        synchronized (this) {
            running = false;
            generation++;
            open = new ArrayList<>(connections);
        }
        for (Connection c : open) {
            c.close();
        }
    }

    @Override
    public synchronized Chains register(Connection connection, long gen) {
        if (!running || gen != generation) {
            return null;
        }
        connections.add(connection);
        return chains;
    }

    @Override
    public Chains currentChains() {
        return chains;
    }

    @Override
    public synchronized void unregister(Connection connection) {
        connections.remove(connection);
    }

    synchronized int connectionCount() {
        return connections.size();
    }

    /** All toxics, upstream ones first, each direction in insertion order. */
    synchronized List<ToxicSpec> toxics() {
        List<ToxicSpec> all = new ArrayList<>(upstreamToxics);
        all.addAll(downstreamToxics);
        return all;
    }

    synchronized ToxicSpec toxic(String toxicName) {
        for (ToxicSpec t : toxics()) {
            if (t.name().equals(toxicName)) {
                return t;
            }
        }
        return null;
    }

    void addToxic(ToxicSpec toxic) {
        synchronized (this) {
            listFor(toxic.direction()).add(toxic);
            publish();
        }
        applyToConnections();
    }

    void replaceToxic(ToxicSpec toxic) {
        synchronized (this) {
            List<ToxicSpec> list = listFor(toxic.direction());
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id() == toxic.id()) {
                    list.set(i, toxic);
                }
            }
            publish();
        }
        applyToConnections();
    }

    void removeToxic(ToxicSpec toxic) {
        synchronized (this) {
            listFor(toxic.direction()).removeIf(t -> t.id() == toxic.id());
            publish();
        }
        applyToConnections();
    }

    void removeAllToxics() {
        synchronized (this) {
            upstreamToxics.clear();
            downstreamToxics.clear();
            publish();
        }
        applyToConnections();
    }

    private List<ToxicSpec> listFor(Direction d) {
        return d == Direction.UPSTREAM ? upstreamToxics : downstreamToxics;
    }

    private void publish() {
        chains = new Chains(upstreamToxics, downstreamToxics);
    }

    /**
     * Makes every live connection apply the current chains on its event loop and waits for them, but never longer
     * than {@link #APPLY_WAIT_MILLIS} in total: applying never blocks on a peer, so the wait only covers scheduling.
     */
    private void applyToConnections() {
        List<Connection> open;
        synchronized (this) {
            open = new ArrayList<>(connections);
        }
        List<Future<?>> pending = new ArrayList<>(2 * open.size());
        for (Connection c : open) {
            c.apply(this::currentChains, pending);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(APPLY_WAIT_MILLIS);
        for (Future<?> f : pending) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !f.awaitUninterruptibly(left, TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "Proxy{" + name + " " + listen + " -> " + upstream + (enabled() ? " enabled" : " disabled") + "}";
    }
}
