package dev.schism.harness.proxy.link;

import dev.schism.harness.proxy.toxic.Direction;
import dev.schism.harness.proxy.toxic.ToxicSpec;
import dev.schism.harness.proxy.toxic.ToxicType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One proxied TCP connection: the accepted client socket, the dialed upstream socket (both on one event loop) and
 * the two links between them. It unregisters itself from its proxy once both sockets are closed.
 */
public final class Connection {
    private final Channel client;
    private final Channel upstream;
    private final Link up;
    private final Link down;
    private final ConnectionOwner owner;
    private final Random random;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean started;

    Connection(Channel client, Channel upstream, ConnectionOwner owner, Random random) {
        this.client = client;
        this.upstream = upstream;
        this.owner = owner;
        this.random = random;
        this.up = new Link(this, Direction.UPSTREAM, client, upstream);
        this.down = new Link(this, Direction.DOWNSTREAM, upstream, client);
    }

    /** Starts both links with the given chains and begins reading. Runs on the event loop. */
    void start(Chains chains) {
        if (hasResetPeer(chains.upstream()) || hasResetPeer(chains.downstream())) {
            // As Toxiproxy does at link creation: any reset_peer present, whatever its toxicity, makes closes RSTs.
            client.config().setOption(ChannelOption.SO_LINGER, 0);
            upstream.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        client.pipeline().addLast(new LinkEndpoint(this, up, down));
        upstream.pipeline().addLast(new LinkEndpoint(this, down, up));
        up.init(chains.upstream());
        down.init(chains.downstream());
        started = true;
        client.config().setAutoRead(true);
        upstream.config().setAutoRead(true);
        if (!client.isActive() || !upstream.isActive()) {
            // A socket closed while the upstream was being dialed: its close event came before our handler.
            close();
            socketClosed();
        }
    }

    private static boolean hasResetPeer(List<ToxicSpec> chain) {
        for (ToxicSpec s : chain) {
            if (s.type() == ToxicType.RESET_PEER) {
                return true;
            }
        }
        return false;
    }

    /** Applies the proxy's current chains to the running links. Must run on {@link #eventLoop()}. */
    public void sync(Chains chains) {
        if (started) {
            up.sync(chains.upstream());
            down.sync(chains.downstream());
        }
    }

    public EventLoop eventLoop() {
        return client.eventLoop();
    }

    Random random() {
        return random;
    }

    /** Closes both sockets now, from any thread. Idempotent. */
    public void close() {
        client.close();
        upstream.close();
    }

    /** Called on the event loop when either socket closed; the second one tears the connection down. */
    void socketClosed() {
        if (!client.isActive() && !upstream.isActive() && closed.compareAndSet(false, true)) {
            up.dispose();
            down.dispose();
            owner.unregister(this);
        }
    }

    @Override
    public String toString() {
        return "Connection{" + client.remoteAddress() + " -> " + upstream.remoteAddress() + "}";
    }
}
