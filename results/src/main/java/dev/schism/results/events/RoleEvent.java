package dev.schism.results.events;

import dev.schism.results.json.JsonLine;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;

/**
 * One role change of one node: {@code {"t":<wall ms>,"node":<sid>,"event":"LEADING","epoch":3,"leader":2,"zxid":"0x300000000"}}.
 * LEADING is written when the epoch is established (a quorum acknowledged it), not when the vote is won.
 */
public record RoleEvent(long t, int node, Kind event, long epoch, int leader, String zxid) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The role a node entered. */
    public enum Kind { LEADING, FOLLOWING, OBSERVING, LOOKING }

    public RoleEvent {
        Objects.requireNonNull(event, "event");
    }

    public boolean isLeading() {
        return event == Kind.LEADING;
    }

    /** The node name the harness uses for this sid: {@code n<sid>}. */
    public String nodeName() {
        return "n" + node;
    }

    public String toLine() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("t", t);
        o.put("node", node);
        o.put("event", event.name());
        o.put("epoch", epoch);
        o.put("leader", leader);
        if (zxid != null) {
            o.put("zxid", zxid);
        }
        return o.toString();
    }

    /** Parses one journal line; throws IllegalArgumentException naming the missing or bad field. */
    public static RoleEvent fromLine(String line) {
        JsonNode n = JsonLine.object(line);
        String ev = text(n, "event");
        Kind kind;
        try {
            kind = Kind.valueOf(ev.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'event' is '" + ev
                    + "', expected LEADING, FOLLOWING, OBSERVING or LOOKING");
        }
        return new RoleEvent(integer(n, "t"), (int) integer(n, "node"), kind,
                n.has("epoch") ? integer(n, "epoch") : -1,
                n.has("leader") ? (int) integer(n, "leader") : -1,
                n.hasNonNull("zxid") ? n.get("zxid").asText() : null);
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + f + "'");
        }
        return v.asText();
    }

    private static long integer(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("missing field '" + f + "'");
        }
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + f + "' must be an integer, got " + v);
        }
        return v.asLong();
    }

    /** One line: {@code t=1700000000123 n2 LEADING epoch=3 leader=n2 zxid=0x300000000}. */
    @Override
    public String toString() {
        return "t=" + t + " n" + node + " " + event + " epoch=" + epoch + " leader=n" + leader
                + (zxid == null ? "" : " zxid=" + zxid);
    }
}
