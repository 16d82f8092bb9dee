package dev.schism.node.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Small durable-file helpers: fsync of a directory, and write-temp-fsync-rename. */
final class Fsync {
    private Fsync() {
    }

    /** Makes creations, renames and deletions in {@code dir} durable (a no-op where the OS refuses). */
    static void directory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open or fsync directories; Linux can, and that is where it matters.
        }
    }

    /** Writes {@code bytes} to {@code target} atomically: temp file, fsync, rename, fsync of the directory. */
    static void replace(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            directory(target.getParent());
        } catch (IOException e) {
            throw new StorageException(target + ": cannot write: " + e.getMessage(), e);
        }
    }
}
