package dev.schism.node.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;

import java.util.List;

/**
 * Splits the inbound byte stream into checked payloads (message bytes, or {@link Frames.Touches}); any
 * inconsistency fails the connection.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxPayload;

    FrameDecoder(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= Frames.HEADER) {
            int start = in.readerIndex();
            int magic = in.getInt(start);
            if (magic != Frames.MAGIC && magic != Frames.TOUCH_MAGIC) {
                throw new CorruptedFrameException("bad frame magic 0x" + Integer.toHexString(magic));
            }
            int len = in.getInt(start + 4);
            if (len < 0 || len > maxPayload) {
                throw new CorruptedFrameException("bad frame length " + len);
            }
            if (in.readableBytes() < Frames.HEADER + len) {
                return;
            }
            int crc = in.getInt(start + 8);
            byte[] payload = new byte[len];
            in.getBytes(start + Frames.HEADER, payload);
            if (Frames.crc(payload) != crc) {
                throw new CorruptedFrameException("bad frame CRC");
            }
            in.skipBytes(Frames.HEADER + len);
            out.add(magic == Frames.MAGIC ? payload : Frames.Touches.decode(payload));
        }
    }
}
