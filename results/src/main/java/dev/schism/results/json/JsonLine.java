package dev.schism.results.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses one line of a JSON Lines file into an object node. */
public final class JsonLine {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLine() {
    }

    /** The line as a JSON object; IllegalArgumentException saying why if it is not one. */
    public static JsonNode object(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The original message only: the full one appends a source location that names a Java type.
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return n;
    }
}
