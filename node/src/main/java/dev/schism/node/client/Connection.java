package dev.schism.node.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jute.BinaryOutputArchive;
import org.apache.jute.Record;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.proto.ReplyHeader;

/**
 * One client connection. Its fields other than the channel are touched only on the core thread: the
 * session it is bound to and the requests it is waiting on, oldest first, so that replies leave in
 * request order (a read behind a pending write waits for that write).
 */
final class Connection {
    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    /** The socket, or null for a {@link ClientWire} connection (the simulator's). */
    final Channel channel;
    private final ClientWire wire;
    private final ServerStats stats;
    long sessionId;
    int timeoutMs;
    boolean hasReadOnlyFlag;
    /** The session exists in the tree and this connection has been told so (ConnectResponse sent). */
    boolean established;
    boolean closed;
    /** Set when the answer being sent is the last (a failed auth): the connection closes after it. */
    boolean closeAfterReply;
    /**
     * The identities this connection has proven, its IP address first; they judge it against ACLs. A set
     * that iterates in hash order, as ZooKeeper's does, so whoAmI and "auth" ACLs list them alike.
     */
    final Set<Id> auth = Collections.newSetFromMap(new ConcurrentHashMap<>());
    final ArrayDeque<Request> pending = new ArrayDeque<>();
    /** Requests that arrived before the new session was committed; replayed in order once it is. */
    final List<Request> beforeSession = new ArrayList<>();
    /**
     * Requests read from the socket and not yet answered (IO and core threads). Past
     * {@link #PAUSE_AT} the connection stops reading, as ZooKeeper throttles a client with too many
     * outstanding requests; it resumes below {@link #RESUME_AT}.
     */
    final AtomicInteger inFlight = new AtomicInteger();
    static final int PAUSE_AT = 1000;
    static final int RESUME_AT = 500;
    /**
     * Frames the core thread produced and the IO thread has not written yet. One commit answers many
     * requests at once; writing them in one task with one flush makes one syscall and one TCP segment for
     * the lot, where a writeAndFlush each costs a syscall each (and the client a read each).
     */
    private final ConcurrentLinkedQueue<ByteBuf> outgoing = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writeScheduled = new AtomicBoolean();

    Connection(ClientWire wire, ServerStats stats) {
        this.channel = null;
        this.wire = wire;
        this.stats = stats;
    }

    Connection(Channel channel, ServerStats stats) {
        this.channel = channel;
        this.wire = null;
        this.stats = stats;
        if (channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null) {
            auth.add(new Id("ip", a.getAddress().getHostAddress()));
        }
    }

    /**
     * Sends one reply frame. Every request and watch event ends here, so the frame is serialized straight into a
     * pooled buffer rather than through a growing byte[] that is then copied.
     */
    void reply(ReplyHeader header, Record body) {
        if (closed) {
            return;
        }
        if (wire != null) {
            replyOnWire(header, body);
            return;
        }
        ByteBuf buf = channel.alloc().buffer(64);
        try {
            buf.writeInt(0); // length, set below
            BinaryOutputArchive out = BinaryOutputArchive.getArchive(new ByteBufOutputStream(buf));
            header.serialize(out, "header");
            if (body != null && header.getErr() == 0) {
                body.serialize(out, "response");
            }
        } catch (IOException e) {
            buf.release();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            buf.release();
            throw e;
        }
        buf.setInt(0, buf.readableBytes() - 4);
        send(buf);
    }

    private void replyOnWire(ReplyHeader header, Record body) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(64);
        try {
            BinaryOutputArchive out = BinaryOutputArchive.getArchive(bytes);
            out.writeInt(0, "len");
            header.serialize(out, "header");
            if (body != null && header.getErr() == 0) {
                body.serialize(out, "response");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sendFramed(bytes.toByteArray());
    }

    /** Where the client is: its socket address, or what its wire says. */
    Object remote() {
        return wire != null ? wire.describe() : channel.remoteAddress();
    }

    /** Writes a frame whose first 4 bytes are a placeholder for its length. */
    void sendFramed(byte[] frame) {
        int len = frame.length - 4;
        frame[0] = (byte) (len >>> 24);
        frame[1] = (byte) (len >>> 16);
        frame[2] = (byte) (len >>> 8);
        frame[3] = (byte) len;
        if (closed) {
            return;
        }
        if (wire != null) {
            wire.send(frame);
            stats.sent.incrementAndGet();
            return;
        }
        send(Unpooled.wrappedBuffer(frame));
    }

    private void send(ByteBuf buf) {
        outgoing.add(buf);
        stats.sent.incrementAndGet();
        if (writeScheduled.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::writeOutgoing);
        }
    }

    /** IO thread: writes every queued frame and flushes once. */
    private void writeOutgoing() {
        // cleared before taking frames: a frame queued after this point schedules a new task
        writeScheduled.set(false);
        boolean wrote = false;
        for (ByteBuf b = outgoing.poll(); b != null; b = outgoing.poll()) {
            channel.write(b, channel.voidPromise());
            wrote = true;
        }
        if (wrote) {
            channel.flush();
        }
    }

    /** Called by the IO thread for each request it hands to the core. */
    void requestRead() {
        if (inFlight.incrementAndGet() >= PAUSE_AT && channel != null) {
            channel.config().setAutoRead(false);
        }
    }

    /** Called on the core thread when a request has been answered or dropped. */
    void requestDone() {
        if (inFlight.decrementAndGet() == RESUME_AT && channel != null && !channel.config().isAutoRead()) {
            channel.config().setAutoRead(true);
        }
    }

    /** Closes after everything already written has been flushed. */
    void close() {
        if (!closed) {
            closed = true;
            if (wire != null) {
                wire.close();
                return;
            }
            channel.eventLoop().execute(() -> {
                writeOutgoing(); // what the core queued before closing still goes out first
                channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            });
        }
    }

    @Override
    public String toString() {
        return "Connection#" + id + "{" + remote() + " session=0x" + Long.toHexString(sessionId)
                + " pending=" + pending.size() + (closed ? " closed" : "") + "}";
    }
}
