package dev.schism.node.server;

import dev.schism.node.core.RoleChange;
import dev.schism.node.core.Zxid;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The role journal {@code <dataDir>/events.jsonl}: one JSON object per role change, appended and flushed
 * to the OS at once, so the harness can read it even after the process was killed.
 */
public final class EventJournal implements AutoCloseable {
    private final Path file;
    private final FileOutputStream out;

    public EventJournal(Path file) {
        this.file = file;
        try {
            this.out = new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** The journal line for one role change, exactly as written (without the newline). */
    public static String line(long wallMs, long node, RoleChange rc) {
        return "{\"t\":" + wallMs + ",\"node\":" + node + ",\"event\":\"" + rc.role().name() + "\",\"epoch\":"
                + rc.epoch() + ",\"leader\":" + rc.leader() + ",\"zxid\":\"" + Zxid.hex(rc.zxid()) + "\"}";
    }

    public synchronized void append(String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot append: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing buffered: every line was written through
        }
    }

    @Override
    public String toString() {
        return "EventJournal{" + file + "}";
    }
}
