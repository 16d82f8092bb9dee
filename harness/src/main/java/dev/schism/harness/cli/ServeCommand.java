package dev.schism.harness.cli;

import dev.schism.harness.serve.StoreServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code schism serve}: the run store as a web page until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the run store: runs newest first with their verdicts, each run's report and files.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--store", defaultValue = "store", description = "The run store to serve (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (!Files.isDirectory(store)) {
            throw new IllegalArgumentException("--store " + store + ": no such folder");
        }
        StoreServer server;
        try {
            server = StoreServer.start(store, host, port);
        } catch (IOException e) {
            System.err.println("schism: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return ExitCodes.CRASH;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "schism-serve-stop"));
        System.out.println("schism: serving " + store.toRealPath() + " at http://" + host + ":" + server.port() + "/ (Ctrl-C stops)");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
