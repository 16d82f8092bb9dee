package dev.schism.harness.proxy.core;

/** A toxic to create, as decoded from POST /proxies/{p}/toxics; null fields were not sent. */
public record ToxicRequest(String type, String name, String stream, Float toxicity, AttributeDecoder attributes) {
    @Override
    public String toString() {
        return "ToxicRequest{" + type + " " + name + " " + stream + " toxicity=" + toxicity + "}";
    }
}
