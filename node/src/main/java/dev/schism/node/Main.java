package dev.schism.node;

import dev.schism.node.config.ConfigException;
import dev.schism.node.config.ZooCfg;
import dev.schism.node.config.ZooCfgParser;
import dev.schism.node.server.NodeServer;
import dev.schism.node.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar schism-node.jar [--inject-bug NAME] path/to/zoo.cfg}: starts one server of an ensemble,
 * as {@code zkServer.sh start-foreground} does. Exit status: 2 for a bad command line or configuration, 3
 * when the on-disk state refuses the start (corrupt log, inconsistent epochs), 1 for other start failures
 * (e.g. a port in use), 4 when a running server stops itself; SIGTERM shuts down cleanly (the JVM then
 * reports 143).
 */
public final class Main {
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_STORAGE = 3;
    public static final String ALLOW_BUGS_ENV = "SCHISM_ALLOW_INJECTED_BUGS";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        LinePrefixingStream prefixed = new LinePrefixingStream(new FileOutputStream(FileDescriptor.err), "[node] ");
        System.setErr(new PrintStream(prefixed, true, "UTF-8"));

        String cfgPath = null;
        String bug = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--inject-bug")) {
                if (i + 1 >= args.length) {
                    usage("--inject-bug needs a bug name");
                }
                bug = args[++i];
            } else if (a.startsWith("--inject-bug=")) {
                bug = a.substring("--inject-bug=".length());
            } else if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return;
            } else if (a.startsWith("-")) {
                usage("unknown option " + a);
            } else if (cfgPath == null) {
                cfgPath = a;
            } else {
                usage("more than one config file: " + cfgPath + ", " + a);
            }
        }
        if (cfgPath == null) {
            usage("no config file given");
        }
        if (bug != null && !"1".equals(System.getenv(ALLOW_BUGS_ENV))) {
            usage("--inject-bug " + bug + " refused: set " + ALLOW_BUGS_ENV + "=1 to run a deliberately broken server");
        }

        ZooCfg cfg;
        try {
            cfg = ZooCfgParser.parse(Path.of(cfgPath));
        } catch (ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        prefixed.setPrefix("[sid " + cfg.myId() + "] ");
        Logger log = LoggerFactory.getLogger(Main.class);
        log.info("starting with {}", cfg);
        if (bug != null) {
            log.warn("INJECTED BUG {} enabled: this server is deliberately unsafe", bug);
        }

        NodeServer server;
        try {
            server = new NodeServer(cfg, bug, status -> {
                Runtime.getRuntime().halt(status);
            });
        } catch (StorageException e) {
            log.error("refusing to start: {}", e.getMessage());
            System.exit(EXIT_STORAGE);
            return;
        } catch (IllegalArgumentException e) {
            log.error("refusing to start: {}", e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        } catch (RuntimeException e) {
            log.error("cannot start", e);
            System.exit(1);
            return;
        }
        try {
            server.start();
        } catch (Exception e) {
            log.error("cannot start: {}", e.getMessage());
            Runtime.getRuntime().halt(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "shutdown"));
        ExitWithParent.startIfAsked();
        server.awaitStop();
    }

    private static final String USAGE = "usage: java -jar schism-node.jar [--inject-bug NAME] path/to/zoo.cfg";

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println(USAGE);
        System.exit(EXIT_USAGE);
    }

    /** slf4j-simple settings, unless given on the command line. */
    private static void configureLogging() {
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showThreadName", "true");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
        setDefault("org.slf4j.simpleLogger.log.io.netty", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
