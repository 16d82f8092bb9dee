package dev.schism.harness.proxy.core;

import dev.schism.harness.proxy.toxic.ToxicType;
import java.util.Map;

/**
 * Decodes the attributes of a toxic request for a given type, lazily, because Toxiproxy checks the attribute JSON
 * only after the type and the name; returns only the attributes that were sent.
 */
@FunctionalInterface
public interface AttributeDecoder {
    AttributeDecoder NONE = type -> Map.of();

    Map<String, Long> decode(ToxicType type) throws ProxyException;
}
