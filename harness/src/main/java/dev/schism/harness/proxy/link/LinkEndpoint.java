package dev.schism.harness.proxy.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * The Netty handler on one socket of a connection: bytes read go into the link that starts here; writability
 * changes wake the link that ends here; EOF, read errors and close end the outgoing link's input.
 */
final class LinkEndpoint extends ChannelInboundHandlerAdapter {
    private final Connection connection;
    private final Link outgoing;
    private final Link incoming;

    LinkEndpoint(Connection connection, Link outgoing, Link incoming) {
        this.connection = connection;
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        outgoing.onRead((ByteBuf) msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        outgoing.onReadComplete();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            outgoing.onEof();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // The link that writes here reads another socket, maybe on another event loop.
        Connection.runOn(incoming.executor(), incoming::updateReadInterest);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        outgoing.onEof();
        connection.socketClosed();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Read or write failure (e.g. ECONNRESET): Toxiproxy treats it as the end of this socket.
        ctx.close();
    }

    @Override
    public String toString() {
        return "LinkEndpoint{" + outgoing + "}";
    }
}
