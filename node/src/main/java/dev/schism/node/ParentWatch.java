package dev.schism.node;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ends the node when the process that started it dies, so a harness killed with SIGKILL leaves no server
 * behind holding its ports. The harness asks for it with {@code SCHISM_EXIT_WITH_PARENT=1} and keeps the
 * write end of the node's stdin open; the kernel closes it when the harness dies, whatever the signal, and
 * the node then reads end-of-file. A node started any other way (a terminal, a container) ignores stdin.
 */
final class ParentWatch {
    static final String ENV = "SCHISM_EXIT_WITH_PARENT";

    private ParentWatch() {
    }

    static void startIfAsked() {
        if (!"1".equals(System.getenv(ENV))) {
            return;
        }
        Thread t = new Thread(() -> watch(System.in), "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watch(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // the harness never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file: the parent is gone
        }
        System.err.println("the harness that started this node is gone (stdin closed); stopping");
        System.exit(0); // runs the shutdown hook: client port closed, log forced
    }
}
