package dev.schism.harness.proxy.toxic;

import java.util.Locale;

/** Which one-way link of a connection a toxic acts on: client to server, or server to client. */
public enum Direction {
    /** Client to upstream server. */
    UPSTREAM,
    /** Upstream server to client. */
    DOWNSTREAM;

    /** Parses a stream name as Toxiproxy does (case-insensitively); null when it is neither stream. */
    public static Direction parse(String stream) {
        switch (stream.toLowerCase(Locale.ROOT)) {
            case "upstream":
                return UPSTREAM;
            case "downstream":
                return DOWNSTREAM;
            default:
                return null;
        }
    }

    /** The stream name in the wire form. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
