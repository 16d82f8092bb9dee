package dev.schism.node.client;

import dev.schism.node.core.Txn;
import dev.schism.node.tree.DataTree;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client port. CONTRACT (the server shell is written against these signatures):
 * constructed with the tree and the replication handle, started once the core loop runs; the shell
 * calls {@link #applyCommitted} for every committed txn (core thread, zxid order) and
 * {@link #servingChanged} when the server starts or stops serving.
 */
public final class ClientLayer implements AutoCloseable {
    private final ClientConfig config;
    private final DataTree tree;
    private final Replication replication;
    private final ServerStats stats = new ServerStats();
    private final RequestProcessor processor;
    private final FourLetterWords words;
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private EventLoopGroup group;
    private Channel serverChannel;

    public ClientLayer(ClientConfig config, DataTree tree, Replication replication) {
        this.config = config;
        this.tree = tree;
        this.replication = replication;
        this.processor = new RequestProcessor(config, tree, replication, stats);
        this.words = new FourLetterWords(config.fourLetterWords(), replication, stats, processor::clientLines,
                this::adminOnCore);
        stats.nodeCount = tree.nodeCount();
        stats.lastZxid = tree.lastApplied();
    }

    /** Runs an admin word's tree/watch inspection on the core thread (IO thread waits, bounded). */
    private String adminOnCore(String word) {
        CompletableFuture<String> text = new CompletableFuture<>();
        replication.execute(() -> text.complete(processor.adminText(word)));
        try {
            return text.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted\n";
        } catch (ExecutionException | TimeoutException e) {
            return "core thread busy; try again\n";
        }
    }

    /** Binds the client port. */
    public void start() throws IOException {
        group = new NioEventLoopGroup(2, new DefaultThreadFactory("schism-client-" + config.myId(), true));
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FrameDecoder(words), new ClientChannelHandler(replication, processor,
                                stats, config.maxClientCnxns(), perAddress));
                    }
                });
        String host = config.address() == null || config.address().isEmpty() ? "0.0.0.0" : config.address();
        try {
            serverChannel = b.bind(new InetSocketAddress(host, config.port())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while binding client port " + config.port(), e);
        } catch (Exception e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot bind client port " + host + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** Bound port (useful when configured as 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Applies a committed txn to the tree and answers the client waiting for it, if connected here. */
    public void applyCommitted(Txn txn) {
        processor.onApplied(tree.apply(txn));
    }

    /**
     * Not serving: every client connection closes (as ZooKeeper does) and new session requests wait a moment
     * (see {@code HeldConnects}; ZooKeeper closes them too). Serving: the waiting ones are served, in a
     * separate task so that they see the new status.
     */
    public void servingChanged(boolean serving) {
        if (!serving) {
            processor.pauseAll();
        } else {
            replication.execute(processor::servingStarted);
        }
    }

    /**
     * The tree was replaced by a snapshot from the leader: its changes fired no watch, so every client
     * connection closes and its client re-registers its watches elsewhere or here, as after ZooKeeper's SNAP.
     */
    public void treeReplaced() {
        processor.closeAll();
    }

    /**
     * Leader only, core thread: sessions a learner reports active (what its shell received through
     * {@link Replication#forwardTouches}); each gets a full timeout from now.
     */
    public void touchesForwarded(long[] sessionIds) {
        processor.touchesForwarded(sessionIds);
    }

    /**
     * A client connection over a {@link ClientWire} instead of the client port (the simulator's clients), on
     * the core thread; every frame it sends goes to {@link #receive}, its end to {@link #disconnected}.
     */
    public WireConnection open(ClientWire wire) {
        Connection c = new Connection(wire, stats);
        processor.onOpen(c);
        return new WireConnection(c);
    }

    /** One frame from a wire client (without its length prefix): the ConnectRequest first, then requests. */
    public void receive(WireConnection w, byte[] frame) {
        Connection c = w.connection;
        if (c.closed) {
            return;
        }
        try {
            if (!w.connectSeen) {
                w.connectSeen = true;
                processor.onConnect(c, ConnectRequestFrame.decode(frame));
            } else {
                Request r = RequestDecoder.decode(frame, System.nanoTime()); // latency stats only, never behaviour
                c.requestRead();
                processor.onRequest(c, r);
            }
        } catch (IOException e) {
            c.close();
            processor.onClose(c);
        }
    }

    /** The wire client went away (or the server closed it): the same as a socket's end. */
    public void disconnected(WireConnection w) {
        w.connection.closed = true;
        processor.onClose(w.connection);
    }

    /** Called on the core thread every core tick (session expiry bookkeeping). */
    public void tick() {
        processor.tick();
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Override
    public String toString() {
        return "ClientLayer{sid=" + config.myId() + " " + processor + "}";
    }
}
