package dev.schism.harness.checker.register;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a register client writes what the register checkers read ({@link RegisterOp} decodes it): a znode's
 * data is its value in decimal, and an ok op's value is {@code {value, version, zxid, session}}, the state
 * the znode held after it. One place for every backend's clients, so the checkers read one format.
 */
public final class RegisterValues {
    private RegisterValues() {
    }

    /** What the znode held after an op, as the checkers read it. */
    public static Map<String, Object> state(Object value, int version, long zxid, long sessionId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("version", (long) version);
        m.put("zxid", "0x" + Long.toHexString(zxid));
        m.put("session", "0x" + Long.toHexString(sessionId));
        return m;
    }

    /**
     * The value of a read that found no znode ({@code fail}, error {@code nonode}): the session that was told so,
     * since a session that has seen the key exist must not be told it does not (register keys are never deleted).
     */
    public static Map<String, Object> absent(long sessionId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("absent", true);
        m.put("session", "0x" + Long.toHexString(sessionId));
        return m;
    }

    /** A value as znode data. */
    public static byte[] bytes(Object v) {
        return String.valueOf(v).getBytes(StandardCharsets.UTF_8);
    }

    /** Znode data as a value: a number when it is one; anything else (not written by a register client) as text, which the checkers flag. */
    public static Object value(byte[] b) {
        String s = b == null ? "" : new String(b, StandardCharsets.UTF_8);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
