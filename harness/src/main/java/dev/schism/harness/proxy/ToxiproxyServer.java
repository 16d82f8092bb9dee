package dev.schism.harness.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.schism.harness.proxy.api.ApiHandler;
import dev.schism.harness.proxy.api.ApiRouter;
import dev.schism.harness.proxy.api.ApiResponse;
import dev.schism.harness.proxy.core.ProxyRegistry;
import dev.schism.harness.proxy.link.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * An embedded server with Toxiproxy 2.12.0's HTTP API and proxy behaviour. Start it, point toxiproxy-java at
 * {@link #apiHost()}:{@link #apiPort()}, and use it exactly like the real {@code toxiproxy-server}; close it to stop
 * every proxy and connection.
 *
 * <pre>{@code
 * try (ToxiproxyServer server = ToxiproxyServer.start("127.0.0.1", 0)) {
 *     ToxiproxyClient client = new ToxiproxyClient(server.apiHost(), server.apiPort());
 *     ...
 * }
 * }</pre>
 */
public final class ToxiproxyServer implements AutoCloseable {
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    private final EventLoopGroup apiGroup;
    private final EventLoopGroup dataGroup;
    private final ProxyRegistry registry;
    private final ApiRouter router;
    private final Channel apiChannel;
    private final InetSocketAddress apiAddress;
    private boolean closed;

    private ToxiproxyServer(EventLoopGroup apiGroup, EventLoopGroup dataGroup, ProxyRegistry registry,
                            ApiRouter router, Channel apiChannel) {
        this.apiGroup = apiGroup;
        this.dataGroup = dataGroup;
        this.registry = registry;
        this.router = router;
        this.apiChannel = apiChannel;
        this.apiAddress = (InetSocketAddress) apiChannel.localAddress();
    }

    /** Starts a server whose API listens on {@code host:port} (port 0 picks a free port), with a random seed. */
    public static ToxiproxyServer start(String host, int port) throws IOException {
        return start(host, port, new Random().nextLong());
    }

    /**
     * Starts a server whose API listens on {@code host:port}; {@code seed} drives toxicity and jitter draws.
     *
     * @throws IOException when the API port cannot be bound (the message names the address)
     */
    public static ToxiproxyServer start(String host, int port, long seed) throws IOException {
        int dataThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        EventLoopGroup apiGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("toxiproxy-api", true));
        EventLoopGroup dataGroup = Transport.newGroup(dataThreads, new DefaultThreadFactory("toxiproxy-data", true));
        ProxyRegistry registry = new ProxyRegistry(dataGroup, new Random(seed));
        ApiRouter router = new ApiRouter(registry);
        ServerBootstrap b = new ServerBootstrap()
                .group(apiGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new HttpObjectAggregator(MAX_REQUEST_BYTES), new ApiHandler(router));
                    }
                });
        ChannelFuture f = b.bind(host, port).awaitUninterruptibly();
        if (!f.isSuccess()) {
            apiGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            dataGroup.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IOException("cannot listen on " + host + ":" + port + ": " + f.cause().getMessage(), f.cause());
        }
        return new ToxiproxyServer(apiGroup, dataGroup, registry, router, f.channel());
    }

    /** The address the API is bound to, e.g. {@code 127.0.0.1}. */
    public String apiHost() {
        return apiAddress.getAddress().getHostAddress();
    }

    /** The API port (the real one when started with port 0). */
    public int apiPort() {
        return apiAddress.getPort();
    }

    /**
     * Applies a Toxiproxy config file (a JSON array of {@code {name, listen, upstream, enabled?}}) like
     * {@code toxiproxy-server -config} and POST /populate do.
     *
     * @return how many proxies the file describes
     * @throws IOException when the file cannot be read or an entry is invalid or cannot bind; the message names the
     *                     file and the problem, and proxies created before the failing entry stay
     */
    public int populate(Path configFile) throws IOException {
        byte[] body = Files.readAllBytes(configFile);
        ApiResponse r = router.handle("POST", "/populate", body);
        if (r.status() != 201) {
            JsonNode error = new ObjectMapper().readTree(r.body()).get("error");
            throw new IOException(configFile + ": " + (error == null ? new String(r.body(), StandardCharsets.UTF_8).trim()
                    : error.asText()));
        }
        JsonNode proxies = new ObjectMapper().readTree(r.body()).get("proxies");
        return proxies == null || !proxies.isArray() ? 0 : proxies.size();
    }

    /** Live connections of one proxy; for tests in this package that check connections are not leaked. */
    int liveConnections(String proxyName) throws IOException {
        try {
            return registry.connectionCount(proxyName);
        } catch (dev.schism.harness.proxy.core.ProxyException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Stops the API, every proxy and every connection. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        apiChannel.close().awaitUninterruptibly(2000);
        registry.close();
        apiGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3000);
        dataGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3000);
    }

    @Override
    public String toString() {
        return "ToxiproxyServer{api=" + apiHost() + ":" + apiPort() + (closed ? " closed" : "") + "}";
    }
}
