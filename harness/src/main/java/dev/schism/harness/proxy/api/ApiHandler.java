package dev.schism.harness.proxy.api;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Netty adapter for {@link ApiRouter}: refuses browsers (a {@code Mozilla/} User-Agent gets 403, Toxiproxy's CSRF
 * guard), tags every response with an {@code X-Toxiproxy-Request-Id}, and honours keep-alive.
 */
public final class ApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final char[] ID_ALPHABET = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    private final ApiRouter router;

    public ApiHandler(ApiRouter router) {
        this.router = router;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ApiResponse answer;
        String agent = request.headers().get(HttpHeaderNames.USER_AGENT);
        if (!request.decoderResult().isSuccess()) {
            answer = ApiResponse.text(400, "400 Bad Request\n");
        } else if (agent != null && agent.startsWith("Mozilla/")) {
            answer = ApiResponse.text(403, "User agent not allowed\n");
        } else {
            String path = new QueryStringDecoder(request.uri()).rawPath();
            byte[] body = ByteBufUtil.getBytes(request.content());
            answer = router.handle(request.method().name(), path, body);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        if (answer.contentType() != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
            if (answer.contentType().equals(ApiResponse.TEXT)) {
                // Go's http.Error, which Toxiproxy uses for every error body, also sets this header.
                response.headers().set("X-Content-Type-Options", "nosniff");
            }
        }
        response.headers().set("X-Toxiproxy-Request-Id", requestId());
        HttpUtil.setContentLength(response, answer.body().length);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String requestId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[r.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    @Override
    public String toString() {
        return "ApiHandler{" + router + "}";
    }
}
