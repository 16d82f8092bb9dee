package dev.schism.harness.backend;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * One node as a backend runs it (a local process, a container): what pausing, the running/paused sets and
 * clock shifts need, so {@link NodeHandles} implements them once for every backend.
 */
public interface NodeHandle {
    /** n1..nN. */
    String name();

    /** Its process or container runs (paused ones included). */
    boolean alive();

    /** Paused (SIGSTOP, docker pause) and alive. */
    boolean paused();

    /** SIGSTOP or docker pause. */
    void pause() throws IOException;

    /** SIGCONT or docker unpause. */
    void resume() throws IOException;

    /** Where its admin words are answered, bypassing the fault proxy. */
    InetSocketAddress adminAddress();
}
