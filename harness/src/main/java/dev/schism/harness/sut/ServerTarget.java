package dev.schism.harness.sut;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What runs on the nodes: {@code schism} or {@code zookeeper:<version>} (a release on Maven Central such as
 * 3.4.14 or 3.9.4).
 */
public record ServerTarget(Optional<String> zookeeperVersion) {
    public static final String SCHISM = "schism";
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");

    public static ServerTarget schism() {
        return new ServerTarget(Optional.empty());
    }

    /** Parses an option value; a bad one is an IllegalArgumentException that says what is accepted. */
    public static ServerTarget parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.equals(SCHISM)) {
            return schism();
        }
        if (t.startsWith("zookeeper:")) {
            String v = t.substring("zookeeper:".length());
            if (VERSION.matcher(v).matches()) {
                return new ServerTarget(Optional.of(v));
            }
            throw new IllegalArgumentException("--target " + t + ": '" + v
                    + "' is not a ZooKeeper release version (e.g. zookeeper:3.9.4, zookeeper:3.4.14)");
        }
        throw new IllegalArgumentException("--target '" + t + "' is not one of: schism, zookeeper:<version>");
    }

    public boolean isZooKeeper() {
        return zookeeperVersion.isPresent();
    }

    /** The option value this was parsed from. */
    public String wire() {
        return zookeeperVersion.map(v -> "zookeeper:" + v).orElse(SCHISM);
    }

    @Override
    public String toString() {
        return wire();
    }
}
