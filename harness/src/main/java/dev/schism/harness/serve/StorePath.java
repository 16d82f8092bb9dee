package dev.schism.harness.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps a request path onto a file inside the store, or refuses it: any {@code ..} or backslash segment, a
 * NUL, or a path (symbolic links followed) that ends outside the store is refused, never served.
 */
final class StorePath {
    private final Path root;

    StorePath(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    Path root() {
        return root;
    }

    /** The file for {@code path} (already percent-decoded), or empty if it must not be served. */
    Optional<Path> resolve(String path) {
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (String seg : path.split("/")) {
            if (seg.equals("..") || seg.equals(".")) {
                return Optional.empty();
            }
        }
        Path p = root.resolve(path.replaceFirst("^/+", "")).normalize();
        if (!p.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.exists(p)) {
            try {
                if (!p.toRealPath().startsWith(root)) {
                    return Optional.empty(); // a symbolic link leading out of the store
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(p);
    }

    @Override
    public String toString() {
        return "store-path{" + root + "}";
    }
}
