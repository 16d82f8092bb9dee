package dev.schism.node;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Ends a server when the process that started it dies, so a harness killed with SIGKILL leaves no server
 * behind holding its ports. The harness asks for it with {@code SCHISM_EXIT_WITH_PARENT=1} and keeps the
 * write end of the server's stdin open; the kernel closes it when the harness dies, whatever the signal,
 * and the server then reads end-of-file. A server started any other way (a terminal, a container) ignores
 * stdin. The node calls {@link #startIfAsked}; a server that is not ours (ZooKeeper's QuorumPeerMain) is
 * started through {@link #main}, which needs nothing but this one class on its class path.
 */
public final class ExitWithParent {
    static final String ENV = "SCHISM_EXIT_WITH_PARENT";

    private ExitWithParent() {
    }

    /** {@code ExitWithParent <main class> <args...>}: watches stdin as asked, then runs that class's main. */
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ExitWithParent <main class> [args...]");
            System.exit(2);
        }
        startIfAsked();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    static void startIfAsked() {
        if (!"1".equals(System.getenv(ENV))) {
            return;
        }
        Thread t = new Thread(ExitWithParent::watchStdin, "parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watchStdin() {
        InputStream in = System.in;
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) >= 0) {
                // the harness never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file: the parent is gone
        }
        System.err.println("the harness that started this server is gone (stdin closed); stopping");
        System.exit(0); // runs the shutdown hooks: client port closed, log forced
    }
}
