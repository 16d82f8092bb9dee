package dev.schism.harness.proxy.toxic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable toxic as the API sees it. {@code id} identifies the toxic instance (a toxic removed and added again
 * gets a new id, which resets per-link state such as limit_data's byte count); {@code revision} changes on every
 * update, which restarts the toxic on live links.
 */
public final class ToxicSpec {
    private final long id;
    private final long revision;
    private final String name;
    private final ToxicType type;
    private final String stream;
    private final Direction direction;
    private final float toxicity;
    private final Map<String, Long> attributes;

    public ToxicSpec(long id, long revision, String name, ToxicType type, String stream, float toxicity,
                     Map<String, Long> attributes) {
        this.id = id;
        this.revision = revision;
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.stream = Objects.requireNonNull(stream, "stream");
        this.direction = Objects.requireNonNull(Direction.parse(stream), "stream " + stream);
        this.toxicity = toxicity;
        Map<String, Long> all = new LinkedHashMap<>();
        for (String attr : type.attributes()) {
            all.put(attr, attributes.getOrDefault(attr, 0L));
        }
        this.attributes = Collections.unmodifiableMap(all);
    }

    /** A copy with some attributes replaced and, when non-null, a new toxicity; name, type and stream stay. */
    public ToxicSpec updated(long newRevision, Map<String, Long> changedAttributes, Float newToxicity) {
        Map<String, Long> merged = new LinkedHashMap<>(attributes);
        merged.putAll(changedAttributes);
        return new ToxicSpec(id, newRevision, name, type, stream, newToxicity == null ? toxicity : newToxicity, merged);
    }

    public long id() {
        return id;
    }

    public long revision() {
        return revision;
    }

    public String name() {
        return name;
    }

    public ToxicType type() {
        return type;
    }

    /** The stream string as the client sent it (Toxiproxy keeps its case). */
    public String stream() {
        return stream;
    }

    public Direction direction() {
        return direction;
    }

    public float toxicity() {
        return toxicity;
    }

    /** Every attribute of the type, in wire order, 0 when never set. */
    public Map<String, Long> attributes() {
        return attributes;
    }

    public long attr(String key) {
        Long v = attributes.get(key);
        if (v == null) {
            throw new IllegalArgumentException(type + " has no attribute " + key);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Toxic{" + name + " " + type + " " + stream + " toxicity=" + toxicity + " " + attributes + "}";
    }
}
