package dev.schism.harness.proxy.link;

import dev.schism.harness.proxy.toxic.Chunk;
import dev.schism.harness.proxy.toxic.ChunkSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;

/**
 * The end of a link: writes chunks to the destination socket. Writes made while the link is handling a batch of
 * reads are flushed once at the end of the batch; EOF flushes and then closes the destination (no half-close, as
 * in Toxiproxy).
 */
final class Writer implements ChunkSink {
    private final Channel dest;
    private final Link link;
    private boolean flushPending;
    private boolean closed;

    Writer(Channel dest, Link link) {
        this.dest = dest;
        this.link = link;
    }

    @Override
    public void accept(Chunk chunk) {
        if (closed) {
            chunk.release();
            return;
        }
        if (chunk.isEof()) {
            closed = true;
            flushPending = false;
            dest.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        dest.write(chunk.data(), dest.voidPromise());
        if (link.inReadBatch()) {
            flushPending = true;
        } else {
            dest.flush();
        }
    }

    void flushIfPending() {
        if (flushPending) {
            flushPending = false;
            dest.flush();
        }
    }

    @Override
    public boolean accepting() {
        return !closed && dest.isWritable();
    }

    @Override
    public String toString() {
        return "Writer{" + dest.remoteAddress() + (closed ? " closed" : "") + "}";
    }
}
