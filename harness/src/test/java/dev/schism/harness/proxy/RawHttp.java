package dev.schism.harness.proxy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP for the cases toxiproxy-java cannot express (error bodies, headers, PATCH, User-Agent, 405). */
final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    RawHttp(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, body, null);
    }

    HttpResponse<String> send(String method, String path, String body, String userAgent)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public String toString() {
        return "RawHttp{" + base + "}";
    }
}
