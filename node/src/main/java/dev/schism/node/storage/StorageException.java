package dev.schism.node.storage;

/** On-disk state the server must not start with, or a disk operation that failed; names the file. */
public final class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
