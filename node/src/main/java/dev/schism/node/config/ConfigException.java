package dev.schism.node.config;

/** A configuration the server cannot start with; the message names the file and line ({@code zoo.cfg:7: ...}). */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
