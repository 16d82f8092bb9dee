package dev.schism.node.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * The IO-thread side of one connection: enforces the per-address connection limit, decodes each frame
 * (the ConnectRequest first, then requests) and hands it to the core thread. A frame that does not
 * decode closes this connection and nothing else.
 */
final class ClientChannelHandler extends SimpleChannelInboundHandler<byte[]> {
    private static final ThrottledLog LOG = new ThrottledLog(LoggerFactory.getLogger(ClientChannelHandler.class));

    private final Replication replication;
    private final RequestProcessor processor;
    private final ServerStats stats;
    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress;
    private Connection connection;
    private InetAddress address;
    private boolean connectSeen;
    private boolean failed;

    ClientChannelHandler(Replication replication, RequestProcessor processor, ServerStats stats, int maxPerAddress,
                         ConcurrentHashMap<InetAddress, AtomicInteger> perAddress) {
        this.replication = replication;
        this.processor = processor;
        this.stats = stats;
        this.maxPerAddress = maxPerAddress;
        this.perAddress = perAddress;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        int count = perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        stats.connections.incrementAndGet();
        Connection c = new Connection(ctx.channel(), stats);
        connection = c;
        if (maxPerAddress > 0 && count > maxPerAddress) {
            LOG.warn("Too many connections from {} - max is {}", address, maxPerAddress);
            ctx.close();
            return;
        }
        replication.execute(() -> processor.onOpen(c));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
        Connection c = connection;
        if (failed) {
            return; // frames decoded in the same read as a bad one
        }
        stats.received.incrementAndGet();
        try {
            if (!connectSeen) {
                connectSeen = true;
                ConnectRequestFrame connect = ConnectRequestFrame.decode(frame);
                replication.execute(() -> processor.onConnect(c, connect));
            } else {
                Request r = RequestDecoder.decode(frame, System.nanoTime());
                c.requestRead();
                replication.execute(() -> processor.onRequest(c, r));
            }
        } catch (IOException e) {
            failed = true;
            LOG.warn("closing {}: {}", ctx.channel().remoteAddress(), e.getMessage());
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stats.connections.decrementAndGet();
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        Connection c = connection;
        if (c != null) {
            replication.execute(() -> processor.onClose(c));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    public String toString() {
        return "ClientChannelHandler{" + connection + "}";
    }
}
