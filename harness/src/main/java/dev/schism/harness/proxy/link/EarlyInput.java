package dev.schism.harness.proxy.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds what a socket delivers before its link exists. Reads are off until then, but a peer that writes and closes
 * at once still makes Netty read (the hang-up event reads what is pending), and those bytes must not be lost: the
 * link replays them when it starts.
 */
final class EarlyInput extends ChannelInboundHandlerAdapter {
    private final List<ByteBuf> held = new ArrayList<>();
    private boolean eof;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        held.add((ByteBuf) msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            eof = true;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        eof = true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Hands everything held to the link, in order, and leaves the pipeline. Runs on the socket's event loop. */
    void replayInto(ChannelHandlerContext ctx, Link link) {
        List<ByteBuf> replay = new ArrayList<>(held);
        held.clear();
        ctx.pipeline().remove(this);
        for (ByteBuf b : replay) {
            link.onRead(b);
        }
        link.onReadComplete();
        if (eof) {
            link.onEof();
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        for (ByteBuf b : held) {
            b.release();
        }
        held.clear();
    }

    @Override
    public String toString() {
        return "EarlyInput{" + held.size() + " held" + (eof ? " eof" : "") + "}";
    }
}
