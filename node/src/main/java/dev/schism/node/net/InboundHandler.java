package dev.schism.node.net;

import dev.schism.node.core.Message;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An accepted connection: expects the handshake, then decodes messages and hands them to the transport.
 * Anything that does not fit (unknown sender, wrong stream, undecodable bytes, a message claiming another
 * sender) closes this connection only.
 */
final class InboundHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    private final Transport transport;
    private final LinkKind kind;
    private long sid = -1;

    InboundHandler(Transport transport, LinkKind kind) {
        this.transport = transport;
        this.kind = kind;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Frames.Touches t) {
            if (sid < 0 || kind != LinkKind.QUORUM) {
                reject(ctx, "touch frame before the handshake or on the " + kind + " stream");
                return;
            }
            transport.touches(sid, t.sessionIds());
            return;
        }
        byte[] payload = (byte[]) msg;
        if (sid < 0) {
            Handshake h;
            try {
                h = Handshake.decode(payload);
            } catch (IllegalArgumentException e) {
                reject(ctx, e.getMessage());
                return;
            }
            if (h.kind() != kind) {
                reject(ctx, h + " arrived on the " + kind + " port");
                return;
            }
            if (!transport.isPeer(h.sid())) {
                reject(ctx, h + " is not from a server of this ensemble");
                return;
            }
            sid = h.sid();
            transport.inboundUp(kind, sid, ctx.channel());
            return;
        }
        Message m;
        try {
            m = transport.decode(payload);
        } catch (RuntimeException e) {
            reject(ctx, "undecodable message from " + sid + ": " + e.getMessage());
            return;
        }
        if (m.from() != sid || m.election() != (kind == LinkKind.ELECTION)) {
            reject(ctx, "message " + m + " does not belong on the " + kind + " stream from " + sid);
            return;
        }
        transport.deliver(m);
    }

    private void reject(ChannelHandlerContext ctx, String why) {
        LOG.warn("closing inbound {} connection {}: {}", kind, ctx.channel().remoteAddress(), why);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (sid >= 0) {
            transport.inboundDown(kind, sid, ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        reject(ctx, cause.toString());
    }

    @Override
    public String toString() {
        return "InboundHandler{" + kind + (sid < 0 ? " awaiting handshake" : " from " + sid) + "}";
    }
}
