package dev.schism.harness.proxy.toxic;

import java.util.List;
import java.util.function.Function;

/** The toxic types the API accepts, each with its attribute names in Toxiproxy's JSON order. */
public enum ToxicType {
    LATENCY("latency", List.of("latency", "jitter"), LatencyStage::new),
    BANDWIDTH("bandwidth", List.of("rate"), BandwidthStage::new),
    SLOW_CLOSE("slow_close", List.of("delay"), SlowCloseStage::new),
    TIMEOUT("timeout", List.of("timeout"), TimeoutStage::new),
    RESET_PEER("reset_peer", List.of("timeout"), ResetPeerStage::new),
    SLICER("slicer", List.of("average_size", "size_variation", "delay"), SlicerStage::new),
    LIMIT_DATA("limit_data", List.of("bytes"), LimitDataStage::new),
    NOOP("noop", List.of(), NoopStage::new);

    private final String wireName;
    private final List<String> attributes;
    private final Function<LinkContext, Stage> factory;

    ToxicType(String wireName, List<String> attributes, Function<LinkContext, Stage> factory) {
        this.wireName = wireName;
        this.attributes = attributes;
        this.factory = factory;
    }

    /** The exact, case-sensitive type name used on the wire; null when unknown. */
    public static ToxicType byWireName(String name) {
        for (ToxicType t : values()) {
            if (t.wireName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    public String wireName() {
        return wireName;
    }

    /** Attribute names in the order Toxiproxy serialises them; every one is always present in output. */
    public List<String> attributes() {
        return attributes;
    }

    /** A fresh running instance of this toxic for one link. */
    public Stage newStage(LinkContext link) {
        return factory.apply(link);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
