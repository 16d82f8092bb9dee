package dev.schism.results.history;

import dev.schism.results.json.JsonLine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of one op, as one line of {@code history.jsonl}. */
public final class HistoryJson {
    /** Integers read as Long (never Integer), as {@link Op}'s value contract says. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);

    private HistoryJson() {
    }

    /** {@code {"index":0,"time":123,"process":3,"type":"invoke","f":"write","value":4,"node":"n1"}}. */
    public static String toLine(Op op) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("index", op.index());
        o.put("time", op.time());
        if (op.isNemesis()) {
            o.put("process", "nemesis");
        } else {
            o.put("process", op.process());
        }
        o.put("type", op.type().wire());
        o.put("f", op.f());
        o.set("value", MAPPER.valueToTree(op.value()));
        if (op.node() != null) {
            o.put("node", op.node());
        }
        if (op.error() != null) {
            o.put("error", op.error());
        }
        return o.toString();
    }

    /** Parses one line; throws IllegalArgumentException naming the missing or bad field. */
    public static Op fromLine(String line) {
        JsonNode n = JsonLine.object(line);
        JsonNode p = require(n, "process");
        long process = p.isTextual() && p.asText().equals("nemesis") ? Op.NEMESIS : requireLong(p, "process");
        OpType type = OpType.fromWire(require(n, "type").asText());
        String f = require(n, "f").asText();
        Object value = n.has("value") ? MAPPER.convertValue(n.get("value"), Object.class) : null;
        long index = n.has("index") ? requireLong(n.get("index"), "index") : -1;
        long time = n.has("time") ? requireLong(n.get("time"), "time") : -1;
        String node = n.hasNonNull("node") ? n.get("node").asText() : null;
        String error = n.hasNonNull("error") ? n.get("error").asText() : null;
        return new Op(index, time, process, type, f, value, node, error);
    }

    private static JsonNode require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return v;
    }

    private static long requireLong(JsonNode v, String field) {
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' must be an integer, got " + v);
        }
        return v.asLong();
    }
}
