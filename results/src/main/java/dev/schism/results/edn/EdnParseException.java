package dev.schism.results.edn;

import java.io.IOException;

/** A syntax error in EDN input; the message reads {@code file:line: expected ...}. */
public final class EdnParseException extends IOException {
    private final String source;
    private final int line;
    private final String reason;

    public EdnParseException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
        this.reason = problem;
    }

    /** The problem without its source and line, e.g. {@code expected ']' ...}. */
    public String reason() {
        return reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }
}
