package dev.schism.harness.backend;

import dev.schism.harness.nemesis.ClockControl;
import dev.schism.harness.nemesis.ProcessControl;
import java.io.IOException;
import java.util.Set;

/**
 * Process and clock control whose pause, resume, running, paused, shift and offset are {@link NodeHandles}'s:
 * a backend implements kill and start (which differ between a process and a container) and says where its
 * handles are.
 */
public interface HandledNodes extends ProcessControl, ClockControl {
    /** The backend's nodes. */
    NodeHandles handles();

    @Override
    default void pause(String node) throws IOException {
        handles().pause(node);
    }

    @Override
    default void resume(String node) throws IOException {
        handles().resume(node);
    }

    @Override
    default Set<String> running() {
        return handles().running();
    }

    @Override
    default Set<String> paused() {
        return handles().paused();
    }

    /** By the node's {@code clok} word; a backend whose nodes move their clocks otherwise overrides it. */
    @Override
    default void shift(String node, long deltaMs) throws IOException {
        handles().shift(node, deltaMs);
    }

    @Override
    default long offset(String node) {
        return handles().offset(node);
    }
}
