package dev.schism.harness.proxy.toxic;

/** Something that takes chunks in order: the next stage of a link, or the writer at its end. */
public interface ChunkSink {
    /** Takes ownership of the chunk. Never blocks; a sink that is full still accepts and reports it below. */
    void accept(Chunk chunk);

    /** Whether this sink wants more input now; the link stops reading its source socket while any sink says no. */
    boolean accepting();
}
