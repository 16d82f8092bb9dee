package dev.schism.harness.proxy.link;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket of one started proxy. Each accepted client is held unread while the upstream is dialed on
 * the same event loop; a failed dial closes the client, so it sees a successful connect followed by EOF.
 */
public final class Listener {
    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    /**
     * Upstreams whose last dial failed. Only the first failure of a streak is logged: a killed node is
     * redialed by its peers many times a second, and one line per attempt would bury everything else.
     */
    private static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /**
     * Both sockets of a connection on one event loop (the default) keeps a round trip on one thread; measured on a
     * loaded 2-core machine, {@code -Dschism.proxy.loops=split} (one loop per socket) added 15-30 us per hop and no
     * clear throughput gain.
     */
    private static final boolean SAME_LOOP = !"split".equals(System.getProperty("schism.proxy.loops"));

    /**
     * Outbound bytes a socket may queue before its link stops reading the other side. Netty's 32/64 KB default
     * throttles bulk transfer; a few hundred KB keeps the pipe full while still bounding memory per connection.
     */
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    /**
     * Reads of 512 B to 256 KB, sized to the traffic. Toxiproxy reads at most 32 KB per chunk; larger reads halve
     * the syscalls of bulk transfers, and no toxic depends on the chunk size beyond what it already handles.
     */
    private static final RecvByteBufAllocator READS = new AdaptiveRecvByteBufAllocator(512, 16 * 1024, 256 * 1024);

    private final Channel serverChannel;

    private Listener(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /**
     * Binds {@code address} and starts accepting.
     *
     * @throws java.net.BindException or another exception from bind, unwrapped
     */
    public static Listener bind(EventLoopGroup group, InetSocketAddress address, String upstream,
                                ConnectionOwner owner, long generation, Random random) throws Exception {
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(Transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel client) {
                        client.pipeline().addLast(new EarlyInput(), new Dialer(group, upstream, owner, generation, random));
                    }
                });
        ChannelFuture f = b.bind(address).awaitUninterruptibly();
        if (!f.isSuccess()) {
            Throwable cause = f.cause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw new IllegalStateException(cause);
        }
        return new Listener(f.channel());
    }

    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting; new connects are refused once this returns. */
    public void close() {
        serverChannel.close().awaitUninterruptibly(2000);
    }

    @Override
    public String toString() {
        return "Listener{" + serverChannel.localAddress() + "}";
    }

    /** Dials the upstream for one accepted client, then turns the pair into a {@link Connection}. */
    private static final class Dialer extends ChannelInboundHandlerAdapter {
        private final EventLoopGroup group;
        private final String upstream;
        private final ConnectionOwner owner;
        private final long generation;
        private final Random random;

        Dialer(EventLoopGroup group, String upstream, ConnectionOwner owner, long generation, Random random) {
            this.group = group;
            this.upstream = upstream;
            this.owner = owner;
            this.generation = generation;
            this.random = random;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel client = ctx.channel();
            ctx.pipeline().remove(this);
            InetSocketAddress target;
            try {
                target = UpstreamAddress.parse(upstream);
            } catch (IllegalArgumentException e) {
                if (FAILING.add(upstream)) {
                    LOG.warn("{}: upstream {} is not an address: {}", owner, upstream, e.getMessage());
                }
                client.close();
                return;
            }
            Bootstrap b = new Bootstrap()
                    .group(upstreamLoop(client.eventLoop()))
                    .channel(Transport.socketChannel())
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                    .option(ChannelOption.RCVBUF_ALLOCATOR, READS)
                    .handler(new EarlyInput());
            b.connect(target).addListener((ChannelFuture f) -> {
                if (!f.isSuccess()) {
                    if (FAILING.add(upstream)) {
                        LOG.warn("{}: cannot reach upstream {}: {} (closing the client; not logged again until it answers)",
                                owner, upstream, f.cause() == null ? "connect failed" : f.cause().getMessage());
                    }
                    client.close();
                    return;
                }
                if (FAILING.remove(upstream)) {
                    LOG.info("{}: upstream {} answers again", owner, upstream);
                }
                Channel upstreamChannel = f.channel();
                Connection connection = new Connection(client, upstreamChannel, owner, random);
                Chains chains = owner.register(connection, generation);
                if (chains == null) {
                    connection.close();
                    return;
                }
                connection.start(chains);
            });
        }

        /**
         * The loop for the upstream socket: the client's, or with {@code -Dschism.proxy.loops=split} another one, so
         * the two sockets of a busy connection are served by two threads.
         */
        private EventLoop upstreamLoop(EventLoop clientLoop) {
            if (SAME_LOOP) {
                return clientLoop;
            }
            for (int i = 0; i < 8; i++) {
                EventLoop candidate = group.next();
                if (candidate != clientLoop) {
                    return candidate;
                }
            }
            return clientLoop;
        }

        @Override
        public String toString() {
            return "Dialer{" + upstream + "}";
        }
    }
}
