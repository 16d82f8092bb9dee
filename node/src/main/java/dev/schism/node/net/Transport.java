package dev.schism.node.net;

import dev.schism.node.config.ServerSpec;
import dev.schism.node.core.Envelope;
import dev.schism.node.core.Message;
import dev.schism.node.core.MessageCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Election and quorum ports of one server. Listens on its own two ports, dials both ports of every other
 * server at the address its own zoo.cfg gives, sends on dialled connections only and receives on accepted
 * ones only. Messages to itself are delivered locally. Link failures of the quorum stream (either
 * direction) are reported to the handler, which passes them to the core as {@code linkDown}.
 */
public final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    /** Receives messages and link failures on transport threads; must hand them to the core thread. */
    public interface Handler {
        void received(Message m);

        void linkDown(long sid);
    }

    private final long myId;
    private final Map<Long, ServerSpec> servers;
    private final Handler handler;
    private final EventLoopGroup group;
    private final Map<LinkKind, Map<Long, OutboundLink>> outbound = new EnumMap<>(LinkKind.class);
    private final Map<LinkKind, Map<Long, Channel>> inbound = new EnumMap<>(LinkKind.class);
    private final List<Channel> listeners = new ArrayList<>();
    private final int maxPayload;
    private final Codec codec;

    /** Message bytes: {@code MessageCodec} in the server; tests may bring their own message types. */
    interface Codec {
        byte[] encode(Message m);

        Message decode(byte[] bytes);
    }

    static final Codec MESSAGE_CODEC = new Codec() {
        @Override
        public byte[] encode(Message m) {
            return MessageCodec.encode(m);
        }

        @Override
        public Message decode(byte[] bytes) {
            return MessageCodec.decode(bytes);
        }
    };

    public Transport(long myId, Map<Long, ServerSpec> servers, Handler handler, String threadPrefix) {
        this(myId, servers, handler, threadPrefix, Frames.MAX_PAYLOAD, MESSAGE_CODEC);
    }

    Transport(long myId, Map<Long, ServerSpec> servers, Handler handler, String threadPrefix, int maxPayload,
              Codec codec) {
        this.myId = myId;
        this.codec = codec;
        this.servers = Map.copyOf(servers);
        this.handler = handler;
        this.maxPayload = maxPayload;
        this.group = new NioEventLoopGroup(2, new DefaultThreadFactory(threadPrefix + "-net", true));
        for (LinkKind k : LinkKind.values()) {
            outbound.put(k, new HashMap<>());
            inbound.put(k, new ConcurrentHashMap<>());
        }
    }

    /** Binds this server's election and quorum ports and starts dialling every peer. */
    public void start() throws IOException {
        ServerSpec me = servers.get(myId);
        if (me == null) {
            throw new IllegalStateException("server." + myId + " is not in the server list");
        }
        bind(LinkKind.ELECTION, new InetSocketAddress(me.host(), me.electionPort()));
        bind(LinkKind.QUORUM, new InetSocketAddress(me.host(), me.quorumPort()));
        for (ServerSpec s : servers.values()) {
            if (s.sid() == myId) {
                continue;
            }
            for (LinkKind k : LinkKind.values()) {
                int port = k == LinkKind.ELECTION ? s.electionPort() : s.quorumPort();
                long sid = s.sid();
                Runnable onDown = k == LinkKind.QUORUM ? () -> handler.linkDown(sid) : () -> { };
                OutboundLink link = new OutboundLink(myId, sid, k, new InetSocketAddress(s.host(), port),
                        group.next(), onDown);
                outbound.get(k).put(sid, link);
                link.start();
            }
        }
    }

    private void bind(LinkKind kind, InetSocketAddress address) throws IOException {
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(maxPayload), new InboundHandler(Transport.this, kind));
                    }
                });
        try {
            Channel ch = b.bind(address).sync().channel();
            listeners.add(ch);
            LOG.info("{} port listening on {}", kind.name().toLowerCase(), ch.localAddress());
        } catch (Exception e) {
            throw new IOException("cannot bind the " + kind.name().toLowerCase() + " port " + address + ": " + e, e);
        }
    }

    /** Sends one message (any thread); a message to myself is delivered locally. */
    public void send(Envelope e) {
        Message m = e.message();
        if (e.to() == myId) {
            group.next().execute(() -> handler.received(m));
            return;
        }
        LinkKind kind = m.election() ? LinkKind.ELECTION : LinkKind.QUORUM;
        OutboundLink link = outbound.get(kind).get(e.to());
        if (link == null) {
            LOG.warn("no server {} to send {} to", e.to(), m);
            return;
        }
        link.send(Frames.frame(codec.encode(m)));
    }

    /**
     * Sends a batch (any thread): one hand-off per link instead of one per message, which matters when a
     * leader broadcasts many proposals at once. Order is kept per link. Messages to myself are not allowed
     * here (the caller delivers those itself).
     */
    public void sendAll(List<Envelope> batch) {
        Map<OutboundLink, List<byte[]>> byLink = new java.util.LinkedHashMap<>();
        for (Envelope e : batch) {
            Message m = e.message();
            if (e.to() == myId) {
                group.next().execute(() -> handler.received(m));
                continue;
            }
            OutboundLink link = outbound.get(m.election() ? LinkKind.ELECTION : LinkKind.QUORUM).get(e.to());
            if (link == null) {
                LOG.warn("no server {} to send {} to", e.to(), m);
                continue;
            }
            byLink.computeIfAbsent(link, l -> new ArrayList<>()).add(Frames.frame(codec.encode(m)));
        }
        byLink.forEach(OutboundLink::sendAll);
    }

    boolean isPeer(long sid) {
        return sid != myId && servers.containsKey(sid);
    }

    void inboundUp(LinkKind kind, long sid, Channel ch) {
        Channel old = inbound.get(kind).put(sid, ch);
        LOG.info("inbound {} stream from {} up ({})", kind.name().toLowerCase(), sid, ch.remoteAddress());
        if (old != null && old != ch) {
            old.close();
        }
    }

    void inboundDown(LinkKind kind, long sid, Channel ch) {
        if (inbound.get(kind).remove(sid, ch)) {
            LOG.info("inbound {} stream from {} closed", kind.name().toLowerCase(), sid);
            if (kind == LinkKind.QUORUM) {
                handler.linkDown(sid);
            }
        }
    }

    Message decode(byte[] payload) {
        return codec.decode(payload);
    }

    void deliver(Message m) {
        handler.received(m);
    }

    /** Peers with a live inbound stream of this kind (the leader's view of its connected learners). */
    public int inboundCount(LinkKind kind) {
        return inbound.get(kind).size();
    }

    public boolean outboundUp(LinkKind kind, long sid) {
        OutboundLink l = outbound.get(kind).get(sid);
        return l != null && l.connected();
    }

    public int port(LinkKind kind) {
        int i = kind.ordinal();
        return ((InetSocketAddress) listeners.get(i).localAddress()).getPort();
    }

    @Override
    public void close() {
        for (Map<Long, OutboundLink> m : outbound.values()) {
            m.values().forEach(OutboundLink::close);
        }
        for (Channel c : listeners) {
            c.close();
        }
        for (Map<Long, Channel> m : inbound.values()) {
            m.values().forEach(Channel::close);
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    @Override
    public String toString() {
        return "Transport{" + myId + " out=" + outbound + " in=" + inbound.get(LinkKind.QUORUM).keySet() + "}";
    }
}
