package dev.schism.harness.nemesis;

import java.util.Arrays;
import java.util.Locale;

/** How a cut link behaves. */
public enum PartitionMode {
    /** Bytes are silently discarded; connections stay open (a blackhole). */
    DROP,
    /** Bytes are held and delivered on heal; connections stay open (TCP back-pressure). */
    STALL,
    /** Connections are closed and new ones refused. */
    REFUSE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PartitionMode parse(String s) {
        for (PartitionMode m : values()) {
            if (m.wire().equals(s.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown partition mode '" + s + "' (expected one of "
                + Arrays.stream(values()).map(PartitionMode::wire).toList() + ")");
    }
}
