package dev.schism.results.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Chrome DevTools Protocol session over one page's websocket: commands wait for their reply by id;
 * everything else the browser says (console messages, exceptions, load events) is kept in order for the
 * test to inspect.
 */
final class Cdp implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final WebSocket ws;

    Cdp(URI page) throws Exception {
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(page, new Listener()).get(10, TimeUnit.SECONDS);
    }

    /** Sends a command and returns its result; a protocol error is an AssertionError naming the method. */
    JsonNode call(String method, Map<String, ?> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ws.sendText(msg.toString(), true).get(10, TimeUnit.SECONDS);
        JsonNode r = reply.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new AssertionError(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value. */
    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    List<JsonNode> events() {
        return events;
    }

    boolean saw(String method) {
        return events.stream().anyMatch(e -> method.equals(e.path("method").asText()));
    }

    /** Console errors, uncaught exceptions and error log entries, as text. */
    List<String> errors() {
        return events.stream().filter(e -> switch (e.path("method").asText()) {
            case "Runtime.exceptionThrown" -> true;
            case "Runtime.consoleAPICalled" -> e.path("params").path("type").asText().equals("error");
            case "Log.entryAdded" -> e.path("params").path("entry").path("level").asText().equals("error");
            default -> false;
        }).map(JsonNode::toString).toList();
    }

    void clearEvents() {
        events.clear();
    }

    @Override
    public void close() {
        ws.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode m = JSON.readTree(text);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) {
                            f.complete(m);
                        }
                    } else {
                        events.add(m);
                    }
                } catch (Exception e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }

    @Override
    public String toString() {
        return "cdp{" + events.size() + " events}";
    }
}
