package dev.schism.harness.proxy.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.schism.harness.proxy.core.AttributeDecoder;
import dev.schism.harness.proxy.core.ProxyException;
import dev.schism.harness.proxy.core.ProxyView;
import dev.schism.harness.proxy.toxic.ToxicSpec;
import dev.schism.harness.proxy.toxic.ToxicType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * JSON in Toxiproxy's shapes. Output keeps Go's field order (including the stray {@code "Logger":{}} of a proxy);
 * input is read like Go's decoder: unknown fields ignored, field names matched case-insensitively, type mismatches
 * reported as {@code bad request body: ...}.
 */
final class JsonCodec {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonCodec() {
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + node, e);
        }
    }

    static ObjectNode proxy(ProxyView p) {
        ObjectNode o = NODES.objectNode();
        o.put("name", p.name());
        o.put("listen", p.listen());
        o.put("upstream", p.upstream());
        o.put("enabled", p.enabled());
        o.putObject("Logger");
        ArrayNode toxics = o.putArray("toxics");
        for (ToxicSpec t : p.toxics()) {
            toxics.add(toxic(t));
        }
        return o;
    }

    static ObjectNode toxic(ToxicSpec t) {
        ObjectNode o = NODES.objectNode();
        ObjectNode attrs = o.putObject("attributes");
        for (Map.Entry<String, Long> e : t.attributes().entrySet()) {
            attrs.put(e.getKey(), e.getValue());
        }
        o.put("name", t.name());
        o.put("type", t.type().wireName());
        o.put("stream", t.stream());
        // Go prints a float32 in its shortest form: 1 not 1.0, 0.1 not 0.10000000149.
        o.put("toxicity", new BigDecimal(Float.toString(t.toxicity())).stripTrailingZeros());
        return o;
    }

    static ArrayNode toxics(List<ToxicSpec> list) {
        ArrayNode a = NODES.arrayNode();
        for (ToxicSpec t : list) {
            a.add(toxic(t));
        }
        return a;
    }

    static ObjectNode proxyMap(List<ProxyView> list) {
        ObjectNode o = NODES.objectNode();
        for (ProxyView p : list) {
            o.set(p.name(), proxy(p));
        }
        return o;
    }

    static ArrayNode proxyArray(List<ProxyView> list) {
        ArrayNode a = NODES.arrayNode();
        for (ProxyView p : list) {
            a.add(proxy(p));
        }
        return a;
    }

    /** Parses a request body; an empty body is Go's {@code EOF} error. */
    static JsonNode parse(byte[] body) throws ProxyException {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw bad("EOF");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw bad("EOF");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw bad(e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw bad(String.valueOf(e.getMessage()));
        }
    }

    static ProxyException bad(String detail) {
        return ProxyException.badRequest("bad request body: " + detail);
    }

    /** Parses a body that must be a JSON object (Go decoding into a struct). */
    static JsonNode parseObject(byte[] body, String goType) throws ProxyException {
        JsonNode node = parse(body);
        if (!node.isObject()) {
            throw bad("json: cannot unmarshal " + kind(node) + " into Go value of type " + goType);
        }
        return node;
    }

    /** A field by name: exact match first, then case-insensitively as Go does; null when absent or JSON null. */
    static JsonNode field(JsonNode obj, String name) {
        JsonNode exact = obj.get(name);
        if (exact != null) {
            return exact.isNull() ? null : exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().isNull() ? null : e.getValue();
            }
        }
        return null;
    }

    static String string(JsonNode obj, String name, String goType) throws ProxyException {
        return typed(obj, name, goType, "string", JsonNode::isTextual, JsonNode::asText);
    }

    static Boolean bool(JsonNode obj, String name, String goType) throws ProxyException {
        return typed(obj, name, goType, "bool", JsonNode::isBoolean, JsonNode::asBoolean);
    }

    static Float float32(JsonNode obj, String name, String goType) throws ProxyException {
        return typed(obj, name, goType, "float32", JsonNode::isNumber, JsonNode::floatValue);
    }

    /** The field's value, null when absent or JSON null, or Go's type-mismatch error when it has the wrong kind. */
    private static <T> T typed(JsonNode obj, String name, String goType, String goKind, Predicate<JsonNode> hasKind,
                               Function<JsonNode, T> value) throws ProxyException {
        JsonNode v = field(obj, name);
        if (v == null) {
            return null;
        }
        if (!hasKind.test(v)) {
            throw mismatch(v, goType, name, goKind);
        }
        return value.apply(v);
    }

    /** Decodes the attributes object of a toxic request for its type; only the keys sent are returned. */
    static AttributeDecoder attributes(JsonNode request) {
        return type -> {
            JsonNode attrs = field(request, "attributes");
            Map<String, Long> out = new LinkedHashMap<>();
            if (attrs == null) {
                return out;
            }
            String goType = goTypeOf(type);
            if (!attrs.isObject()) {
                throw bad("json: cannot unmarshal " + kind(attrs) + " into Go value of type *toxics." + goType);
            }
            for (String attr : type.attributes()) {
                JsonNode v = field(attrs, attr);
                if (v == null) {
                    continue;
                }
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    throw bad("json: cannot unmarshal " + kind(v) + " " + v + " into Go struct field " + goType + "."
                            + attr + " of type int64");
                }
                out.put(attr, v.longValue());
            }
            return out;
        };
    }

    private static String goTypeOf(ToxicType type) {
        StringBuilder sb = new StringBuilder();
        for (String part : type.wireName().split("_")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.append("Toxic").toString();
    }

    private static ProxyException mismatch(JsonNode v, String goType, String field, String want) {
        return bad("json: cannot unmarshal " + kind(v) + " into Go struct field " + goType + "." + field + " of type "
                + want);
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "string";
        }
        if (v.isNumber()) {
            return "number";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isObject()) {
            return "object";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
