package dev.schism.node.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Splits the client byte stream into {@code int32 length}-prefixed frames (emitted as byte[]). The first
 * 4 bytes of a new connection may instead be a four-letter admin word, answered in plain text before the
 * connection is closed. A negative or over-limit length closes only this connection.
 */
final class FrameDecoder extends ByteToMessageDecoder {
    /** jute.maxbuffer's default: larger frames close the connection, as in ZooKeeper. */
    static final int MAX_FRAME = 1024 * 1024;
    private static final ThrottledLog LOG = new ThrottledLog(LoggerFactory.getLogger(FrameDecoder.class));

    private final FourLetterWords words;
    private boolean first = true;
    private boolean done;

    FrameDecoder(FourLetterWords words) {
        this.words = words;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (done) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (first) {
            if (in.readableBytes() < 4) {
                return;
            }
            String word = FourLetterWords.wordOf(in.getInt(in.readerIndex()));
            if (word != null) {
                int needed = 4 + FourLetterWords.argumentBytes(word);
                if (in.readableBytes() < needed) {
                    return;
                }
                in.skipBytes(4);
                long argument = needed > 4 ? in.readLong() : 0;
                in.skipBytes(in.readableBytes());
                done = true;
                String text = words.answer(word, argument);
                ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            first = false;
        }
        while (in.readableBytes() >= 4) {
            int len = in.getInt(in.readerIndex());
            if (len < 0 || len > MAX_FRAME) {
                LOG.warn("closing {}: frame length {} outside 0..{}", ctx.channel().remoteAddress(), len, MAX_FRAME);
                in.skipBytes(in.readableBytes());
                done = true;
                ctx.close();
                return;
            }
            if (in.readableBytes() < 4 + len) {
                return;
            }
            in.skipBytes(4);
            byte[] frame = new byte[len];
            in.readBytes(frame);
            out.add(frame);
        }
    }

    @Override
    public String toString() {
        return "FrameDecoder{first=" + first + " done=" + done + "}";
    }
}
