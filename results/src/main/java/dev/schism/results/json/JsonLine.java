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
            throw new IllegalArgumentException("not a JSON object: " + reason(e));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return n;
    }

    /**
     * Jackson's reason without what it appends (a source location naming its own types and features), with
     * the column when it knows it: {@code Unexpected end-of-input: expected close marker for Object (column 28)}.
     */
    static String reason(com.fasterxml.jackson.core.JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        for (String cut : new String[] {"\n", " (start marker", " at [Source"}) {
            int i = m.indexOf(cut);
            if (i >= 0) {
                m = m.substring(0, i);
            }
        }
        return e.getLocation() != null && e.getLocation().getColumnNr() > 0 ? m + " (column " + e.getLocation().getColumnNr() + ")" : m;
    }
}
