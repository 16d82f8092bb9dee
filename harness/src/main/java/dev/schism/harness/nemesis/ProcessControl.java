package dev.schism.harness.nemesis;

import java.io.IOException;
import java.util.Set;

/** A target whose node processes can be killed, restarted (data kept), paused and resumed. */
public interface ProcessControl {
    /** SIGKILL (or equivalent): no chance to flush or say goodbye. */
    void kill(String node) throws IOException;

    /** Starts a killed node again with its data directory as it was. No-op if it runs. */
    void start(String node) throws IOException;

    /** SIGSTOP (or equivalent). */
    void pause(String node) throws IOException;

    /** SIGCONT (or equivalent). */
    void resume(String node) throws IOException;

    /** Nodes whose process is alive (paused ones included). */
    Set<String> running();

    /** Nodes currently paused. */
    Set<String> paused();
}
