package dev.schism.harness.proxy.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schism.harness.proxy.core.PopulateResult;
import dev.schism.harness.proxy.core.ProxyException;
import dev.schism.harness.proxy.core.ProxyRegistry;
import dev.schism.harness.proxy.core.ProxySettings;
import dev.schism.harness.proxy.core.ProxyView;
import dev.schism.harness.proxy.core.ToxicRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps one request to one registry operation and renders the answer as Toxiproxy 2.12.0 does: each route knows its
 * methods (another method is 405 with no body), an unknown path is Go's plain-text 404, and every failure is
 * {@code {"error":msg,"status":code}} plus a newline.
 */
public final class ApiRouter {
    /** The version this server imitates; clients and Testcontainers only check for a 200. */
    public static final String VERSION = "2.12.0";

    private static final Set<String> READ = Set.of("GET");
    private static final Set<String> COLLECTION = Set.of("GET", "POST");
    private static final Set<String> ITEM = Set.of("GET", "POST", "PATCH", "DELETE");
    private static final Set<String> ACTION = Set.of("POST");

    private final ProxyRegistry registry;

    public ApiRouter(ProxyRegistry registry) {
        this.registry = registry;
    }

    /** Handles one request; {@code rawPath} excludes the query string. */
    public ApiResponse handle(String method, String rawPath, byte[] body) {
        List<String> seg = segments(rawPath);
        if (seg == null) {
            return notFound();
        }
        try {
            if (seg.size() == 1 && seg.get(0).equals("version")) {
                return allowed(method, READ) ? version() : methodNotAllowed();
            }
            if (seg.size() == 1 && seg.get(0).equals("reset")) {
                if (!allowed(method, ACTION)) {
                    return methodNotAllowed();
                }
                registry.reset();
                return ApiResponse.empty(204);
            }
            if (seg.size() == 1 && seg.get(0).equals("populate")) {
                return allowed(method, ACTION) ? populate(body) : methodNotAllowed();
            }
            if (seg.isEmpty() || !seg.get(0).equals("proxies")) {
                return notFound();
            }
            switch (seg.size()) {
                case 1:
                    if (!allowed(method, COLLECTION)) {
                        return methodNotAllowed();
                    }
                    return method.equals("GET") ? ok(JsonCodec.proxyMap(registry.list())) : createProxy(body);
                case 2:
                    return allowed(method, ITEM) ? proxyItem(method, seg.get(1), body) : methodNotAllowed();
                case 3:
                    if (!seg.get(2).equals("toxics")) {
                        return notFound();
                    }
                    if (!allowed(method, COLLECTION)) {
                        return methodNotAllowed();
                    }
                    return method.equals("GET") ? ok(JsonCodec.toxics(registry.toxics(seg.get(1))))
                            : createToxic(seg.get(1), body);
                case 4:
                    if (!seg.get(2).equals("toxics")) {
                        return notFound();
                    }
                    return allowed(method, ITEM) ? toxicItem(method, seg.get(1), seg.get(3), body) : methodNotAllowed();
                default:
                    return notFound();
            }
        } catch (ProxyException e) {
            return error(e);
        }
    }

    private ApiResponse proxyItem(String method, String name, byte[] body) throws ProxyException {
        switch (method) {
            case "GET":
                return ok(JsonCodec.proxy(registry.get(name)));
            case "DELETE":
                registry.delete(name);
                return ApiResponse.empty(204);
            default:
                registry.requireProxy(name);
                JsonNode req = JsonCodec.parseObject(body, "proxy.Proxy");
                ProxyView v = registry.update(name, JsonCodec.string(req, "listen", "Proxy"),
                        JsonCodec.string(req, "upstream", "Proxy"), JsonCodec.bool(req, "enabled", "Proxy"));
                return ok(JsonCodec.proxy(v));
        }
    }

    private ApiResponse toxicItem(String method, String proxy, String toxic, byte[] body) throws ProxyException {
        switch (method) {
            case "GET":
                return ok(JsonCodec.toxic(registry.toxic(proxy, toxic)));
            case "DELETE":
                registry.removeToxic(proxy, toxic);
                return ApiResponse.empty(204);
            default:
                registry.toxic(proxy, toxic);
                JsonNode req = JsonCodec.parseObject(body, "toxics.ToxicWrapper");
                Float toxicity = JsonCodec.float32(req, "toxicity", "ToxicWrapper");
                return ok(JsonCodec.toxic(registry.updateToxic(proxy, toxic, JsonCodec.attributes(req), toxicity)));
        }
    }

    private ApiResponse createProxy(byte[] body) throws ProxyException {
        JsonNode req = JsonCodec.parseObject(body, "proxy.Proxy");
        ProxyView v = registry.create(settings(req));
        return ApiResponse.json(201, JsonCodec.bytes(JsonCodec.proxy(v)));
    }

    private static ProxySettings settings(JsonNode req) throws ProxyException {
        return new ProxySettings(JsonCodec.string(req, "name", "Proxy"), JsonCodec.string(req, "listen", "Proxy"),
                JsonCodec.string(req, "upstream", "Proxy"), JsonCodec.bool(req, "enabled", "Proxy"));
    }

    private ApiResponse createToxic(String proxy, byte[] body) throws ProxyException {
        registry.requireProxy(proxy);
        JsonNode req = JsonCodec.parseObject(body, "toxics.ToxicWrapper");
        ToxicRequest r = new ToxicRequest(JsonCodec.string(req, "type", "ToxicWrapper"),
                JsonCodec.string(req, "name", "ToxicWrapper"), JsonCodec.string(req, "stream", "ToxicWrapper"),
                JsonCodec.float32(req, "toxicity", "ToxicWrapper"), JsonCodec.attributes(req));
        return ok(JsonCodec.toxic(registry.addToxic(proxy, r)));
    }

    private ApiResponse populate(byte[] body) {
        PopulateResult result;
        try {
            JsonNode req = JsonCodec.parse(body);
            if (!req.isArray()) {
                throw JsonCodec.bad("json: cannot unmarshal " + (req.isObject() ? "object" : "value")
                        + " into Go value of type []proxy.Proxy");
            }
            List<ProxySettings> input = new ArrayList<>();
            for (JsonNode entry : req) {
                if (!entry.isObject()) {
                    throw JsonCodec.bad("json: cannot unmarshal value into Go value of type proxy.Proxy");
                }
                input.add(settings(entry));
            }
            result = registry.populate(input);
        } catch (ProxyException e) {
            result = new PopulateResult(List.of(), e);
        }
        ObjectNode out = JsonCodec.MAPPER.createObjectNode();
        if (result.error() != null) {
            out.put("error", result.error().getMessage());
            out.put("status", result.error().status());
        }
        if (result.proxies().isEmpty()) {
            out.putNull("proxies");
        } else {
            out.set("proxies", JsonCodec.proxyArray(result.proxies()));
        }
        if (result.error() != null) {
            return ApiResponse.text(result.error().status(), new String(JsonCodec.bytes(out), StandardCharsets.UTF_8)
                    + "\n");
        }
        return ApiResponse.json(201, JsonCodec.bytes(out));
    }

    private static ApiResponse version() {
        return new ApiResponse(200, "application/json;charset=utf-8",
                ("{\"version\": \"" + VERSION + "\"}\n").getBytes(StandardCharsets.UTF_8));
    }

    private static ApiResponse ok(JsonNode node) {
        return ApiResponse.json(200, JsonCodec.bytes(node));
    }

    static ApiResponse error(ProxyException e) {
        ObjectNode out = JsonCodec.MAPPER.createObjectNode();
        out.put("error", e.getMessage());
        out.put("status", e.status());
        return ApiResponse.text(e.status(), new String(JsonCodec.bytes(out), StandardCharsets.UTF_8) + "\n");
    }

    private static ApiResponse notFound() {
        return ApiResponse.text(404, "404 page not found\n");
    }

    private static ApiResponse methodNotAllowed() {
        return ApiResponse.empty(405);
    }

    private static boolean allowed(String method, Set<String> methods) {
        return methods.contains(method);
    }

    /**
     * Splits a path into decoded segments ({@code :} and percent escapes allowed, {@code +} kept literally as Go
     * does); null for an empty segment, which no route matches.
     */
    static List<String> segments(String rawPath) {
        if (!rawPath.startsWith("/")) {
            return null;
        }
        String p = rawPath.substring(1);
        List<String> out = new ArrayList<>();
        if (p.isEmpty()) {
            return out;
        }
        for (String s : p.split("/", -1)) {
            if (s.isEmpty()) {
                return null;
            }
            try {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "ApiRouter{" + registry + "}";
    }
}
