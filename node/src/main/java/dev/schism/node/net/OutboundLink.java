package dev.schism.node.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One directed stream to one peer port: dials it (redialling with back-off while it is unreachable), sends
 * the handshake, then the queued frames in order. All state lives on one event loop. While the link is
 * down, frames wait in a bounded queue that drops its oldest entries; if the queue overflows while
 * connected (the peer stopped reading), the connection is closed so the gap shows as a link failure.
 */
final class OutboundLink {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLink.class);
    /** Bounds per link; with four peers and two streams each, at most 64 MiB of a server's heap. */
    static final int MAX_QUEUED = 8192;
    static final long MAX_QUEUED_BYTES = 8L << 20;
    private static final int MIN_BACKOFF_MS = 20;
    private static final int MAX_BACKOFF_MS = 500;
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final long myId;
    private final long peer;
    private final LinkKind kind;
    private final InetSocketAddress address;
    private final EventLoop loop;
    private final Runnable onDown;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private long queuedBytes;
    private Channel channel;
    private boolean connecting;
    private boolean flushScheduled;
    private boolean closed;
    private int backoffMs = MIN_BACKOFF_MS;
    private long dropped;
    private boolean wasUp;

    OutboundLink(long myId, long peer, LinkKind kind, InetSocketAddress address, EventLoop loop, Runnable onDown) {
        this.myId = myId;
        this.peer = peer;
        this.kind = kind;
        this.address = address;
        this.loop = loop;
        this.onDown = onDown;
    }

    void start() {
        loop.execute(this::connect);
    }

    /** Queues one framed message (any thread). */
    void send(byte[] frame) {
        loop.execute(() -> enqueue(frame));
    }

    /** Queues framed messages in order with one hand-off to the event loop (any thread). */
    void sendAll(List<byte[]> frames) {
        loop.execute(() -> {
            for (byte[] f : frames) {
                enqueue(f);
            }
        });
    }

    void close() {
        loop.execute(() -> {
            closed = true;
            queue.clear();
            if (channel != null) {
                channel.close();
            }
        });
    }

    boolean connected() {
        Channel c = channel;
        return c != null && c.isActive();
    }

    private void enqueue(byte[] frame) {
        if (closed) {
            return;
        }
        queue.addLast(frame);
        queuedBytes += frame.length;
        long before = dropped;
        // Keep the newest frame even if it alone is over the byte bound (a large SNAP).
        while (queue.size() > 1 && (queue.size() > MAX_QUEUED || queuedBytes > MAX_QUEUED_BYTES)) {
            queuedBytes -= queue.removeFirst().length;
            dropped++;
        }
        if (dropped > before && channel != null && channel.isActive()) {
            LOG.warn("link to {} {} {} is not draining; closing it (dropped {} frames so far)", peer, kind,
                    address, dropped);
            channel.close();
            return;
        }
        drain();
    }

    private void drain() {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return;
        }
        boolean wrote = false;
        while (!queue.isEmpty() && ch.isWritable()) {
            byte[] f = queue.removeFirst();
            queuedBytes -= f.length;
            ch.write(Unpooled.wrappedBuffer(f), ch.voidPromise());
            wrote = true;
        }
        if (wrote && !flushScheduled) {
            flushScheduled = true;
            loop.execute(() -> {
                flushScheduled = false;
                ch.flush();
            });
        }
    }

    private void connect() {
        if (closed || connecting || channel != null) {
            return;
        }
        connecting = true;
        Bootstrap b = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 4 << 20))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                // One-way stream: the acceptor never sends; discard anything that arrives.
                                io.netty.util.ReferenceCountUtil.release(msg);
                            }

                            @Override
                            public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                                drain();
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                LOG.debug("link to {} {}: {}", peer, kind, cause.toString());
                                ctx.close();
                            }
                        });
                    }
                });
        ChannelFuture f = b.connect(address);
        f.addListener((ChannelFuture cf) -> {
            connecting = false;
            if (!cf.isSuccess()) {
                cf.channel().close();
                if (wasUp) {
                    LOG.info("link to {} {} {} down: {}", peer, kind, address, cf.cause().toString());
                    wasUp = false;
                }
                onDown.run();
                retryLater();
                return;
            }
            Channel ch = cf.channel();
            if (closed) {
                ch.close();
                return;
            }
            channel = ch;
            backoffMs = MIN_BACKOFF_MS;
            if (!wasUp) {
                LOG.info("link to {} {} {} up", peer, kind, address);
            }
            wasUp = true;
            ch.writeAndFlush(Unpooled.wrappedBuffer(Frames.frame(new Handshake(kind, myId).encode())),
                    ch.voidPromise());
            ch.closeFuture().addListener(x -> {
                if (channel == ch) {
                    channel = null;
                    LOG.info("link to {} {} {} closed", peer, kind, address);
                    wasUp = false;
                    onDown.run();
                    retryLater();
                }
            });
            drain();
        });
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        int delay = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return "OutboundLink{" + myId + "->" + peer + " " + kind + " " + address + (connected() ? " up" : " down")
                + " queued=" + queue.size() + " dropped=" + dropped + "}";
    }
}
