package dev.schism.node.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ZAB's {@code acceptedEpoch} and {@code currentEpoch} files: one decimal long each, replaced atomically
 * (temp file, fsync, rename, fsync of the directory) so a crash leaves either the old or the new value.
 */
public final class EpochFiles {
    public static final String ACCEPTED = "acceptedEpoch";
    public static final String CURRENT = "currentEpoch";

    private final Path dir;

    public EpochFiles(Path dir) {
        this.dir = dir;
    }

    /** The value in {@code name}, or -1 if the file does not exist. */
    public long read(String name) {
        return readFile(dir.resolve(name));
    }

    /** The value of a left-over {@code name.tmp} (a crash between write and rename), or -1. */
    public long readTemp(String name) {
        try {
            return readFile(dir.resolve(name + ".tmp"));
        } catch (StorageException e) {
            return -1;
        }
    }

    public void write(String name, long epoch) {
        Fsync.replace(dir.resolve(name), (epoch + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static long readFile(Path file) {
        if (!Files.exists(file)) {
            return -1;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new StorageException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new StorageException(file + ": '" + text + "' is not an epoch (a non-negative number)");
        }
    }

    @Override
    public String toString() {
        return "EpochFiles{" + dir + "}";
    }
}
