package dev.schism.results.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Creates run folders under a store root and keeps {@code <root>/latest} pointing at the newest one. */
public final class RunStore {
    /** The folder name of a run: its start time in UTC, to the millisecond. */
    public static final DateTimeFormatter RUN_NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);
    private static final Pattern TEST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path root;

    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Creates {@code <root>/<test>/<start time>/} (a millisecond later if that name is taken) and points
     * {@code <root>/latest} at it.
     */
    public RunFolder create(String testName, Instant start) throws IOException {
        if (!TEST_NAME.matcher(testName).matches()) {
            throw new IllegalArgumentException("test name '" + testName
                    + "' must be letters, digits, '.', '_' or '-' (it becomes a folder name)");
        }
        Files.createDirectories(root.resolve(testName));
        Instant t = start;
        Path dir;
        while (true) {
            dir = root.resolve(testName).resolve(RUN_NAME.format(t));
            try {
                Files.createDirectory(dir);
                break;
            } catch (FileAlreadyExistsException e) {
                t = t.plusMillis(1);
            }
        }
        pointLatest(dir);
        return new RunFolder(dir);
    }

    /** Replaces the {@code latest} symlink atomically (make a new link, then rename it over the old one). */
    private void pointLatest(Path dir) throws IOException {
        Path latest = root.resolve("latest");
        Path tmp = root.resolve(".latest-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        Files.createSymbolicLink(tmp, root.relativize(dir));
        try {
            Files.move(tmp, latest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    @Override
    public String toString() {
        return "RunStore{" + root + "}";
    }
}
