package dev.schism.results.history;

/** What an op record says: the call started, or how it ended. */
public enum OpType {
    /** The call started. */
    INVOKE,
    /** The call certainly took effect (for reads: returned this value). */
    OK,
    /** The call certainly did not take effect. */
    FAIL,
    /** The call may or may not have taken effect; the process that made it never invokes again. */
    INFO;

    /** Lower-case name used in JSON and EDN ("invoke", "ok", ...). */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the wire name; throws IllegalArgumentException naming the bad value. */
    public static OpType fromWire(String s) {
        for (OpType t : values()) {
            if (t.wire().equals(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown op type '" + s + "' (expected invoke, ok, fail or info)");
    }
}
