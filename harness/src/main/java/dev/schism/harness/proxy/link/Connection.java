package dev.schism.harness.proxy.link;

import dev.schism.harness.proxy.toxic.Direction;
import dev.schism.harness.proxy.toxic.ToxicSpec;
import dev.schism.harness.proxy.toxic.ToxicType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One proxied TCP connection: the accepted client socket, the dialed upstream socket and the two links between
 * them. Each link runs on the event loop of the socket it reads; the sockets may share a loop or not. It
 * unregisters itself from its proxy once both sockets are closed.
 */
public final class Connection {
    private final Channel client;
    private final Channel upstream;
    private final Link up;
    private final Link down;
    private final ConnectionOwner owner;
    private final Random random;
    private final AtomicBoolean closed = new AtomicBoolean();

    Connection(Channel client, Channel upstream, ConnectionOwner owner, Random random) {
        this.client = client;
        this.upstream = upstream;
        this.owner = owner;
        this.random = random;
        this.up = new Link(this, Direction.UPSTREAM, client, upstream);
        this.down = new Link(this, Direction.DOWNSTREAM, upstream, client);
    }

    /**
     * Starts both links and begins reading. {@code atCreation} decides SO_LINGER (as Toxiproxy does when it creates
     * the links); each link then starts on its own source's event loop with the chains current at that moment.
     */
    void start(Chains atCreation) {
        if (hasResetPeer(atCreation.upstream()) || hasResetPeer(atCreation.downstream())) {
            // As Toxiproxy does at link creation: any reset_peer present, whatever its toxicity, makes closes RSTs.
            client.config().setOption(ChannelOption.SO_LINGER, 0);
            upstream.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        startLink(client, up, down);
        startLink(upstream, down, up);
    }

    private void startLink(Channel source, Link outgoing, Link incoming) {
        runOn(source.eventLoop(), () -> {
            Chains now = owner.currentChains();
            outgoing.init(outgoing == up ? now.upstream() : now.downstream());
            source.pipeline().addLast(new LinkEndpoint(this, outgoing, incoming));
            // A writability change of this socket before the handler existed would be lost: re-check the writer here.
            runOn(incoming.executor(), incoming::updateReadInterest);
            ChannelHandlerContext early = source.pipeline().context(EarlyInput.class);
            if (early != null) {
                ((EarlyInput) early.handler()).replayInto(early, outgoing);
            }
            source.config().setAutoRead(true);
            if (!source.isActive()) {
                // The socket closed before the link existed: its close event went to EarlyInput, not to the link.
                outgoing.onEof();
                socketClosed();
            }
        });
    }

    /** Runs the task now when already on that event loop, else queues it there. */
    static void runOn(EventLoop loop, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
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

    /**
     * Makes both links apply the proxy's current chains, each on its own event loop, adding one future per link to
     * {@code pending}. The chains are read when the task runs, so tasks may run in any order.
     */
    public void apply(Supplier<Chains> chains, List<Future<?>> pending) {
        pending.add(client.eventLoop().submit(() -> up.sync(chains.get().upstream())));
        pending.add(upstream.eventLoop().submit(() -> down.sync(chains.get().downstream())));
    }

    Random random() {
        return random;
    }

    /** Closes both sockets now, from any thread. Idempotent. */
    public void close() {
        client.close();
        upstream.close();
    }

    /** Called on either event loop when a socket closed; the second one tears the connection down. */
    void socketClosed() {
        if (!client.isActive() && !upstream.isActive() && closed.compareAndSet(false, true)) {
            runOn(client.eventLoop(), up::dispose);
            runOn(upstream.eventLoop(), down::dispose);
            owner.unregister(this);
        }
    }

    @Override
    public String toString() {
        return "Connection{" + client.remoteAddress() + " -> " + upstream.remoteAddress() + "}";
    }
}
