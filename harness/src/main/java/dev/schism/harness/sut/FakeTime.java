package dev.schism.harness.sut;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Clock faults for a JVM we do not own (ZooKeeper): libfaketime preloaded into the server process, which
 * re-reads its offset from a control file at most once a second. Both clocks move, the wall clock and the
 * monotonic one ZooKeeper's timeouts use, as the node's {@code clok} moves both; the multi-threaded
 * library is used because a JVM calls the clock from many threads. Tested: a JVM keeps running through
 * forward and backward jumps of several seconds with these settings.
 */
public final class FakeTime {
    /** Where Debian's {@code libfaketime} package puts the library, by architecture. */
    private static final List<String> CANDIDATES = List.of(
            "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1",
            "/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1",
            "/usr/lib/faketime/libfaketimeMT.so.1",
            "/usr/local/lib/faketime/libfaketimeMT.so.1");

    private FakeTime() {
    }

    /** The library ({@code SCHISM_LIBFAKETIME} if set, else Debian's path), if this machine has it. */
    public static Optional<Path> library() {
        return library(System.getenv("SCHISM_LIBFAKETIME"), CANDIDATES);
    }

    static Optional<Path> library(String override, List<String> candidates) {
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override)).filter(Files::isRegularFile);
        }
        return candidates.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    /** The environment of a process whose clocks follow {@code control}. */
    public static Map<String, String> env(Path library, Path control) {
        return Map.of("LD_PRELOAD", library.toString(), "FAKETIME_TIMESTAMP_FILE", control.toAbsolutePath().toString(),
                "FAKETIME_CACHE_DURATION", "1");
    }

    /** Sets the process's offset; it takes effect within about a second. Written whole, so a reader never sees half. */
    public static void write(Path control, long offsetMs) throws IOException {
        Path tmp = control.resolveSibling(control.getFileName() + ".tmp");
        Files.writeString(tmp, text(offsetMs) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, control, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** libfaketime's relative form: {@code +1.500s}, {@code -0.020s} (it has no millisecond unit). */
    static String text(long offsetMs) {
        return String.format(Locale.ROOT, "%+.3fs", offsetMs / 1000.0);
    }
}
