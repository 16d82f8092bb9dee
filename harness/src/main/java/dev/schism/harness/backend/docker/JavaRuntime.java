package dev.schism.harness.backend.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A minimal Java runtime for a {@code FROM scratch} image: {@code jlink} of the given modules from the
 * running JDK, cached under the temp folder by JDK and module list (jlink takes seconds, a cached one
 * nothing), plus the host's shared libraries that {@code ldd} lists for the launcher and every library of
 * the runtime (libc, libz, the dynamic loader...), which an image without a base has to bring itself.
 */
final class JavaRuntime {
    static final String MODULES = "java.base,java.logging,java.management,jdk.unsupported";

    private JavaRuntime() {
    }

    /** The runtime folder (bin/java, lib/...), made now unless the cache has it. */
    static Path ensure() throws IOException {
        return ensure(MODULES);
    }

    /** A runtime of the given comma-separated modules (another program's, such as ZooKeeper's). */
    static Path ensure(String modules) throws IOException {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path jlink = javaHome.resolve("bin/jlink");
        String key = Integer.toHexString((javaHome + "|" + System.getProperty("java.vm.version") + "|" + modules).hashCode());
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "schism-jre-" + key);
        if (Files.isExecutable(cache.resolve("bin/java"))) {
            return cache;
        }
        if (!Files.isExecutable(jlink)) {
            throw new IOException("no jlink in " + javaHome + ": the docker backend builds its images with a JDK's jlink (run schism with a JDK, not a JRE)");
        }
        Path work = Files.createTempDirectory("schism-jlink-");
        Path out = work.resolve("runtime");
        run(List.of(jlink.toString(), "--add-modules", modules, "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=2", "--output", out.toString()), work.resolve("jlink.log"));
        try {
            Files.move(out, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isExecutable(cache.resolve("bin/java"))) { // another run may have won the race; that is fine
                throw e;
            }
        }
        Folders.deleteTree(work);
        return cache;
    }

    /** Absolute paths of the host libraries the runtime's binaries load (outside the runtime itself), sorted. */
    static List<Path> sharedLibraries(Path runtime, List<Path> extraBinaries) throws IOException {
        List<Path> binaries = new ArrayList<>(extraBinaries);
        binaries.add(runtime.resolve("bin/java"));
        try (Stream<Path> s = Files.walk(runtime.resolve("lib"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(binaries::add);
        }
        TreeSet<Path> libs = new TreeSet<>();
        for (Path b : binaries) {
            for (String line : ldd(b)) {
                Path lib = libraryOf(line);
                if (lib != null && !lib.startsWith(runtime)) {
                    libs.add(lib);
                }
            }
        }
        return List.copyOf(libs);
    }

    /** The library path of one {@code ldd} line: {@code libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)} or {@code /lib64/ld-linux-x86-64.so.2 (0x...)}. */
    static Path libraryOf(String line) {
        String l = line.strip();
        int arrow = l.indexOf("=>");
        String rest = arrow >= 0 ? l.substring(arrow + 2).strip() : l;
        int paren = rest.indexOf(" (");
        String path = paren >= 0 ? rest.substring(0, paren) : rest;
        return path.startsWith("/") ? Path.of(path) : null;
    }

    private static List<String> ldd(Path binary) throws IOException {
        Path log = Files.createTempFile("schism-ldd-", ".txt");
        try {
            Process p = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            waitFor(p, "ldd " + binary);
            // A static binary (busybox-static) makes ldd exit 1 with "not a dynamic executable": nothing to add.
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot run ldd (Debian: apt-get install libc-bin): " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void run(List<String> cmd, Path log) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (waitFor(p, cmd.get(0)) != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(log).strip());
        }
    }

    private static int waitFor(Process p, String what) throws IOException {
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish within 5 minutes");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + what, e);
        }
    }
}
